package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import org.junit.jupiter.api.Test;

/**
 * The shipped ACF model ({@code model: udbd_acf}) on a defocused simulated ACF panel (sigma 2.5 px, noise 0.01,
 * the demo station's optics) against the in-focus render of the same lines.
 */
class UdbdAcfModelTest {
    private static final int WIDTH = 256;
    private static final int HEIGHT = 192;

    @Test
    void acfModelRestoresADefocusedPanelBetterThanTheGeneralModel() throws DeblurException {
        PanelSimulator sim = new PanelSimulator(new SimulatedCameraSettings(WIDTH, 8, 0, 2.5, 0, 0.01, 12,
                SimulatedCameraSettings.DEFAULT_MICRONS_PER_PIXEL, 31));
        Image sharp = sim.frame(512, HEIGHT, 0, 0, 0).image();
        Image blurred = sim.frame(512, HEIGHT).image();
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
