package io.aoi.plugin.bench;

import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import java.util.List;
import java.util.Objects;

/**
 * What the line-rate benchmark renders and runs.
 *
 * @param sizes           frame sizes, each {width, height}
 * @param frames          distinct simulated frames per size, 1 to 100
 * @param repeats         times each frame is inspected per arm, 1 to 100
 * @param defocusSigmaPx  defocus of the simulated panel, 0 to 8 px
 * @param noiseSigma      sensor read noise, fraction of full scale
 * @param seed            simulator seed
 * @param arms            arms in the order they run
 * @param deblur          the station's deblur section (threads, tiles, Wiener settings, model file, margin); each
 *                        arm overrides model, passes and region
 * @param detector        the station's detector
 */
public record BenchSettings(List<int[]> sizes, int frames, int repeats, double defocusSigmaPx, double noiseSigma,
        long seed, List<BenchArm> arms, DeblurSettings deblur, DetectorSettings detector) {

    public BenchSettings {
        sizes = List.copyOf(sizes);
        arms = List.copyOf(arms);
        if (sizes.isEmpty() || arms.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one frame size and one arm");
        }
        for (int[] s : sizes) {
            if (s.length != 2 || s[0] < 64 || s[0] > 16384 || s[1] < 64 || s[1] > 8192) {
                throw new IllegalArgumentException("frame size must be WIDTHxHEIGHT with width 64 to 16384 and "
                        + "height 64 to 8192");
            }
        }
        range("frames", frames);
        range("repeats", repeats);
        if (!(defocusSigmaPx >= 0 && defocusSigmaPx <= 8)) {
            throw new IllegalArgumentException("defocus sigma " + defocusSigmaPx + " px; allowed: 0 to 8");
        }
        if (!(noiseSigma >= 0 && noiseSigma <= 0.2)) {
            throw new IllegalArgumentException("noise " + noiseSigma + "; allowed: 0 to 0.2");
        }
        Objects.requireNonNull(deblur, "deblur");
        Objects.requireNonNull(detector, "detector");
    }

    private static void range(String field, int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(field + " = " + value + "; allowed: 1 to 100");
        }
    }
}
