package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.BlurKernel;
import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import org.junit.jupiter.api.Test;

/**
 * The shipped ACF models ({@code model: udbd_acf} and {@code udbd_acf_lite}) on a defocused simulated ACF panel
 * (sigma 2.5 px, noise 0.01, the demo station's optics) against the in-focus render of the same lines.
 */
class UdbdAcfModelTest {
    private static final int WIDTH = 256;
    private static final int HEIGHT = 192;
    private static final PanelSimulator SIM = new PanelSimulator(SimulatedCameraSettings.DEFAULTS
            .withWidthPx(WIDTH).withLineRateHz(0).withSeed(31));
    /** The in-focus render of lines 512 to 703 and the same lines as the camera sees them (sigma 2.5, noise). */
    private final Image sharp = SIM.frame(512, HEIGHT, 0, 0, 0).image();
    private final Image blurred = SIM.frame(512, HEIGHT).image();

    @Test
    void acfModelRestoresADefocusedPanelBetterThanTheGeneralModel() throws DeblurException {
        Image general;
        Image acf;
        try (UdbdDeblurrer d = new UdbdDeblurrer(settings(DeblurModel.UDBD))) {
            general = d.deblur(blurred, 1);
        }
        try (UdbdDeblurrer d = new UdbdDeblurrer(settings(DeblurModel.UDBD_ACF))) {
            assertEquals("udbd_acf", d.name());
            acf = d.deblur(blurred, 1);
        }
        double input = psnr(blurred, sharp);
        double generalDb = psnr(general, sharp);
        double acfDb = psnr(acf, sharp);
        System.out.printf("defocused panel, PSNR against the sharp render: blurred %.2f dB, udbd %.2f dB,"
                + " udbd_acf %.2f dB%n", input, generalDb, acfDb);
        assertTrue(acfDb > input + 4, "udbd_acf " + acfDb + " dB against blurred " + input + " dB");
        assertTrue(acfDb > generalDb + 0.5, "udbd_acf " + acfDb + " dB against udbd " + generalDb + " dB");
    }

    @Test
    void liteModelEstimatesTheAcfModelsKernelAndRestoresTheDefocusedPanel() throws DeblurException {
        float[] plane = plane(blurred);
        BlurKernel acfKernel;
        Image acf;
        try (UdbdDeblurrer d = new UdbdDeblurrer(settings(DeblurModel.UDBD_ACF))) {
            acfKernel = d.estimateKernel(plane, WIDTH, HEIGHT);
            acf = d.deblur(blurred, 1);
        }
        Image lite;
        try (UdbdDeblurrer d = new UdbdDeblurrer(settings(DeblurModel.UDBD_ACF_LITE))) {
            assertEquals("udbd_acf_lite", d.name());
            assertArrayEquals(acfKernel.taps(), d.estimateKernel(plane, WIDTH, HEIGHT).taps(), 1e-6f,
                    "the lite model's kernel graph is the ACF model's kernel net");
            lite = d.deblur(blurred, 1);
        }
        double input = psnr(blurred, sharp);
        double liteDb = psnr(lite, sharp);
        double acfDb = psnr(acf, sharp);
        System.out.printf("defocused panel, PSNR against the sharp render: blurred %.2f dB, udbd_acf %.2f dB,"
                + " udbd_acf_lite %.2f dB (kernel sigma %.2f px)%n", input, acfDb, liteDb, acfKernel.defocusSigmaPx());
        assertTrue(liteDb > input + 4, "udbd_acf_lite " + liteDb + " dB against blurred " + input + " dB");
        assertTrue(liteDb > acfDb - 1, "udbd_acf_lite " + liteDb + " dB against udbd_acf " + acfDb + " dB");
    }

    /**
     * The focus monitor's reading: the ACF models' kernel net estimates the defocus of a simulated frame to within
     * 0.3 px of the equivalent sigma of the true 21 px kernel up to sigma 4.5 (4.21 px), rising with the blur, so
     * a {@code focusDriftWarnSigmaPx} above 3.5 px can fire. The kernel net before was trained to sigma 4 and read
     * about 3.6 px for any blur of 4 px or more.
     */
    @Test
    void theKernelNetReadsTheDefocusUpToFourAndAHalfPixels() throws DeblurException {
        double[] sigmasPx = {2.5, 3.5, 4.5};
        double[] equivalentPx = {2.50, 3.45, 4.21};
        try (UdbdDeblurrer d = new UdbdDeblurrer(settings(DeblurModel.UDBD_ACF))) {
            double previous = 0;
            for (int i = 0; i < sigmasPx.length; i++) {
                double estimate = d.estimateKernel(plane(SIM.frame(512, HEIGHT, sigmasPx[i], 0, 0.01).image()),
                        WIDTH, HEIGHT).defocusSigmaPx();
                System.out.printf("kernel net at sigma %.1f (21 px kernel %.2f px): %.2f px%n", sigmasPx[i],
                        equivalentPx[i], estimate);
                assertEquals(equivalentPx[i], estimate, 0.3, "estimate at sigma " + sigmasPx[i]);
                assertTrue(estimate > previous + 0.4, "the estimate rises with the blur: " + estimate + " after "
                        + previous);
                previous = estimate;
            }
        }
    }

    private static float[] plane(Image image) {
        float[] plane = new float[image.width() * image.height()];
        for (int i = 0; i < plane.length; i++) {
            plane[i] = image.sample(i % image.width(), i / image.width(), 0) / (float) image.maxValue();
        }
        return plane;
    }

    private static DeblurSettings settings(DeblurModel model) {
        return DeblurSettings.DEFAULTS.withModel(model);
    }

    private static double psnr(Image a, Image b) {
        double sum = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                double d = (a.sample(x, y, 0) - b.sample(x, y, 0)) / (double) a.maxValue();
                sum += d * d;
            }
        }
        return 10 * Math.log10(a.width() * a.height() / sum);
    }
}
