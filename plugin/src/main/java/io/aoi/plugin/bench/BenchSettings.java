package io.aoi.plugin.bench;

import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import java.util.List;

/**
 * What the line-rate benchmark renders and runs. Build with {@link #builder(List, List)}; the defaults live in
 * its constants.
 *
 * @param sizes           frame sizes
 * @param frames          distinct simulated frames per size, 1 to 100
 * @param warmups         untimed inspections of the first frame each time an arm's deblurrer is opened, 1 to 100:
 *                        the JIT compiles the Java side (the Wiener step's loops, the tiler, the detector) over
 *                        the first inspections, so with one the first timed ones still run partly interpreted
 * @param repeats         times each frame is inspected per arm, 1 to 100
 * @param rounds          times every arm of a size is measured, 1 to 100: round after round, each round's arms one
 *                        after the other, so that each round's arms ran under the same conditions of the machine
 * @param defocusSigmaPx  defocus of the simulated panel, 0 to 8 px
 * @param noiseSigma      sensor read noise, fraction of full scale
 * @param seed            simulator seed
 * @param arms            arms in the order they run
 * @param deblur          the station's deblur section (threads, tiles, Wiener settings, model file, margin); each
 *                        arm overrides model, passes and region
 * @param detector        the station's detector
 */
public record BenchSettings(List<FrameSize> sizes, int frames, int warmups, int repeats, int rounds,
        double defocusSigmaPx, double noiseSigma, long seed, List<BenchArm> arms, DeblurSettings deblur,
        DetectorSettings detector) {

    /** Frames per size unless set. */
    public static final int DEFAULT_FRAMES = 2;
    /** Warm-up inspections per arm unless set. */
    public static final int DEFAULT_WARMUPS = 3;
    /** Repeats per size and arm unless set. */
    public static final int DEFAULT_REPEATS = 1;
    /** Rounds per size unless set. */
    public static final int DEFAULT_ROUNDS = 1;
    /** Defocus of the simulated panel unless set. */
    public static final double DEFAULT_DEFOCUS_SIGMA_PX = 2.5;
    /** Sensor read noise unless set. */
    public static final double DEFAULT_NOISE_SIGMA = 0.01;
    /** Simulator seed unless set. */
    public static final long DEFAULT_SEED = 1024;

    /**
     * A builder of these sizes and arms, with the defaults above and {@link DeblurSettings#DEFAULTS}; the detector
     * must be set.
     */
    public static Builder builder(List<FrameSize> sizes, List<BenchArm> arms) {
        return new Builder(sizes, arms);
    }

    public BenchSettings {
        sizes = List.copyOf(sizes);
        arms = List.copyOf(arms);
        if (sizes.isEmpty() || arms.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs at least one frame size and one arm");
        }
        range("frames", frames);
        range("warmups", warmups);
        range("repeats", repeats);
        range("rounds", rounds);
        if (!(defocusSigmaPx >= 0 && defocusSigmaPx <= 8)) {
            throw new IllegalArgumentException("defocus sigma " + defocusSigmaPx + " px; allowed: 0 to 8");
        }
        if (!(noiseSigma >= 0 && noiseSigma <= 0.2)) {
            throw new IllegalArgumentException("noise " + noiseSigma + "; allowed: 0 to 0.2");
        }
        if (deblur == null || detector == null) {
            throw new IllegalArgumentException((deblur == null ? "deblur" : "detector") + " settings not set");
        }
    }

    private static void range(String field, int value) {
        if (value < 1 || value > 100) {
            throw new IllegalArgumentException(field + " = " + value + "; allowed: 1 to 100");
        }
    }

    /** Named construction; not thread-safe. */
    public static final class Builder {
        private final List<FrameSize> sizes;
        private final List<BenchArm> arms;
        private int frames = DEFAULT_FRAMES;
        private int warmups = DEFAULT_WARMUPS;
        private int repeats = DEFAULT_REPEATS;
        private int rounds = DEFAULT_ROUNDS;
        private double defocusSigmaPx = DEFAULT_DEFOCUS_SIGMA_PX;
        private double noiseSigma = DEFAULT_NOISE_SIGMA;
        private long seed = DEFAULT_SEED;
        private DeblurSettings deblur = DeblurSettings.DEFAULTS;
        private DetectorSettings detector;

        private Builder(List<FrameSize> sizes, List<BenchArm> arms) {
            this.sizes = sizes;
            this.arms = arms;
        }

        public Builder frames(int v) {
            frames = v;
            return this;
        }

        public Builder warmups(int v) {
            warmups = v;
            return this;
        }

        public Builder repeats(int v) {
            repeats = v;
            return this;
        }

        public Builder rounds(int v) {
            rounds = v;
            return this;
        }

        public Builder defocusSigmaPx(double v) {
            defocusSigmaPx = v;
            return this;
        }

        public Builder noiseSigma(double v) {
            noiseSigma = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder deblur(DeblurSettings v) {
            deblur = v;
            return this;
        }

        /** The station's detector (required). */
        public Builder detector(DetectorSettings v) {
            detector = v;
            return this;
        }

        /** @throws IllegalArgumentException naming the value out of range */
        public BenchSettings build() {
            return new BenchSettings(sizes, frames, warmups, repeats, rounds, defocusSigmaPx, noiseSigma, seed, arms,
                    deblur, detector);
        }
    }
}
