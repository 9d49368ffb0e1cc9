package io.aoi.deblur.wiener;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import org.junit.jupiter.api.Test;

class WienerOnSimulatorTest {
    private static final int WIDTH = 384;
    private static final int ROWS = 192;

    /** Frame and sharp reference render the same panel lines; only blur and noise differ. */
    @Test
    void improvesPsnrOfADefocusedSimulatedFrame() throws DeblurException {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(WIDTH)
                .withBitDepth(16).withLineRateHz(0).withDefocusSigmaPx(0).withNoiseSigma(0).withSeed(5));
        Image sharp = simulator.frame(300, ROWS, 0, 0, 0).image();
        Image blurred = simulator.frame(300, ROWS, 2.5, 0, 0.002).image();
        float[] reference = sharp.channelAsFloat(0);
        double before = SyntheticScenes.psnr(reference, blurred.channelAsFloat(0));
        double atDefault = 0;
        for (double nsr : new double[] {1e-4, 1e-3, 1e-2}) {
            try (WienerDeblurrer wiener = new WienerDeblurrer(2.5, nsr)) {
                double after = SyntheticScenes.psnr(reference, wiener.deblur(blurred, 1).channelAsFloat(0));
                System.out.printf("simulated frame, sigma 2.5, noise 0.002: PSNR blurred %.2f dB, wiener nsr %.0e"
                        + " %.2f dB%n", before, nsr, after);
                if (nsr == 1e-3) {
                    atDefault = after;
                }
            }
        }
        // measured: 28.07 dB blurred, 31.32 dB restored with nsr 1e-3
        assertTrue(atDefault > before + 2, "PSNR " + before + " dB -> " + atDefault + " dB");
    }
}
