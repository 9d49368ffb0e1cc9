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
        PanelSimulator simulator = new PanelSimulator(new SimulatedCameraSettings(width, 8, 0, 0, 0, 0, 12,
                SimulatedCameraSettings.DEFAULT_MICRONS_PER_PIXEL, seed));
        return simulator.frame(300, height, sigmaPx, 0, 0.005).image();
    }
}
