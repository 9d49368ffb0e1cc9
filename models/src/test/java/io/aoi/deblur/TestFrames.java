package io.aoi.deblur;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;

/** Frames a deblurrer meets on a station: the simulated ACF panel, defocused, with sensor noise. */
public final class TestFrames {
    private TestFrames() {
    }

    /** A {@code width} x {@code height} 8-bit frame of the panel seeded {@code seed}, at defocus {@code sigmaPx}. */
    public static Image defocusedPanel(int width, int height, double sigmaPx, long seed) {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(width)
                .withLineRateHz(0).withDefocusSigmaPx(0).withNoiseSigma(0).withSeed(seed));
        return simulator.frame(300, height, sigmaPx, 0, 0.005).image();
    }
}
