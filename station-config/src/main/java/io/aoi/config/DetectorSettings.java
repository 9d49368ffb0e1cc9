package io.aoi.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The conductive-particle detector. Build with {@link #builder()}: the optics- and product-bound fields (particle
 * diameters, scale, bumps, least particles per bump) have no default and must be set; the others default to
 * {@link Builder}'s values, which live only there.
 *
 * @param minDiameterPx          smallest particle diameter to report, in pixels
 * @param maxDiameterPx          largest particle diameter to report, in pixels
 * @param minContrast            least relief amplitude of a particle (how much its bright half rises above the
 *                               surroundings), as a fraction of full scale
 * @param micronsPerPixel        optics scale, used for densities per mm^2
 * @param illuminationAngleDeg   direction from a particle's dark half to its bright half (the DIC shear
 *                               direction), degrees counter-clockwise from the +x axis of the frame; with
 *                               {@code illuminationAngleAuto} the value used until a frame gives an estimate
 * @param bumps                  where the bumps are
 * @param minParticlesPerBump    a bump with fewer particles than this is NG
 * @param illuminationAngleAuto  estimate the direction per frame from the particles' relief orientation and pool
 *                               the estimates of recent frames (at first {@code illuminationAngleDeg}, until a
 *                               frame shows enough agreeing particles)
 * @param decisionLimits         when a frame gets no decision (NO_DECISION) rather than OK or NG
 * @param contrastNoiseFactor    raises the contrast threshold of a frame to this multiple of the noise of the
 *                               fitted relief amplitude, measured on the frame the detector is given (a restored
 *                               frame's amplified noise counts): the threshold is
 *                               {@code max(minContrast, contrastNoiseFactor x amplitude noise)}; 0 (from 0 to
 *                               {@link #MAX_CONTRAST_NOISE_FACTOR}) keeps minContrast for every frame
 */
public record DetectorSettings(
        double minDiameterPx,
        double maxDiameterPx,
        double minContrast,
        double micronsPerPixel,
        double illuminationAngleDeg,
        BumpLayout bumps,
        int minParticlesPerBump,
        boolean illuminationAngleAuto,
        DecisionLimits decisionLimits,
        double contrastNoiseFactor) {

    /**
     * The contrast noise factor unless a station sets one: of 0, 2, 2.5, 3 and 3.5 the best F1 over sharp,
     * UDBD-Net- and Wiener-restored simulated frames (evaluate, README "Detection against ground truth"). With
     * minContrast 0.018 the frame's highest threshold comes out about 0.025 on sharp frames (bump texture), 0.018
     * on UDBD-Net-restored ones and 0.032 to 0.041 on Wiener-restored ones at defocus sigma 2 to 3 (amplified
     * noise).
     */
    public static final double DEFAULT_CONTRAST_NOISE_FACTOR = 2.5;
    /** The least particle relief unless a station sets one. */
    public static final double DEFAULT_MIN_CONTRAST = 0.05;
    /** The largest contrast noise factor allowed. */
    public static final double MAX_CONTRAST_NOISE_FACTOR = 50;

    public DetectorSettings {
        Check.range("minDiameterPx", minDiameterPx, 2, 64);
        Check.range("maxDiameterPx", maxDiameterPx, 2, 64);
        if (maxDiameterPx < minDiameterPx) {
            throw new InvalidSettingException("maxDiameterPx", maxDiameterPx,
                    "a diameter not smaller than minDiameterPx (" + Check.number(minDiameterPx) + ")");
        }
        Check.range("minContrast", minContrast, 0.001, 1);
        Check.range("micronsPerPixel", micronsPerPixel, 0.01, 100);
        Check.range("illuminationAngleDeg", illuminationAngleDeg, -360, 360);
        Check.present("bumps", bumps);
        Check.intRange("minParticlesPerBump", minParticlesPerBump, 0, 10_000);
        Check.present("decisionLimits", decisionLimits);
        Check.range("contrastNoiseFactor", contrastNoiseFactor, 0, MAX_CONTRAST_NOISE_FACTOR);
        if (decisionLimits.maxParticlesPerBump() > 0 && decisionLimits.maxParticlesPerBump() < minParticlesPerBump) {
            throw new InvalidSettingException("maxParticlesPerBump", decisionLimits.maxParticlesPerBump(),
                    "0 or a count not below minParticlesPerBump (" + minParticlesPerBump + ")");
        }
    }

    /** A builder with the defaults; see {@link Builder}. */
    public static Builder builder() {
        return new Builder();
    }

    /** These settings with other decision limits. */
    public DetectorSettings withDecisionLimits(DecisionLimits limits) {
        return new DetectorSettings(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel, illuminationAngleDeg,
                bumps, minParticlesPerBump, illuminationAngleAuto, limits, contrastNoiseFactor);
    }

    /** The same settings with a fixed illumination direction. */
    public DetectorSettings withIlluminationAngleDeg(double angleDeg) {
        return new DetectorSettings(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel, angleDeg, bumps,
                minParticlesPerBump, false, decisionLimits, contrastNoiseFactor);
    }

    /** The same settings estimating the direction per frame, {@code fallbackDeg} until the first estimate. */
    public DetectorSettings withAutoIlluminationAngle(double fallbackDeg) {
        return new DetectorSettings(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel, fallbackDeg, bumps,
                minParticlesPerBump, true, decisionLimits, contrastNoiseFactor);
    }

    /** The same settings with another minContrast. */
    public DetectorSettings withMinContrast(double contrast) {
        return new DetectorSettings(minDiameterPx, maxDiameterPx, contrast, micronsPerPixel, illuminationAngleDeg,
                bumps, minParticlesPerBump, illuminationAngleAuto, decisionLimits, contrastNoiseFactor);
    }

    /** The same settings with another contrast noise factor (0: minContrast for every frame). */
    public DetectorSettings withContrastNoiseFactor(double factor) {
        return new DetectorSettings(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel, illuminationAngleDeg,
                bumps, minParticlesPerBump, illuminationAngleAuto, decisionLimits, factor);
    }

    /**
     * Named construction. Unless set: minContrast {@value #DEFAULT_MIN_CONTRAST}, a fixed illumination direction of
     * 0 degrees, {@link DecisionLimits#DEFAULT} and {@link #DEFAULT_CONTRAST_NOISE_FACTOR}. Not thread-safe; each
     * {@link #build()} validates and returns a new record.
     */
    public static final class Builder {
        private double minDiameterPx = Double.NaN;
        private double maxDiameterPx = Double.NaN;
        private double minContrast = DEFAULT_MIN_CONTRAST;
        private double micronsPerPixel = Double.NaN;
        private double illuminationAngleDeg;
        private BumpLayout bumps;
        private Integer minParticlesPerBump;
        private boolean illuminationAngleAuto;
        private DecisionLimits decisionLimits = DecisionLimits.DEFAULT;
        private double contrastNoiseFactor = DEFAULT_CONTRAST_NOISE_FACTOR;

        private Builder() {
        }

        /** Smallest and largest particle diameter to report, in pixels (required). */
        public Builder particleDiameterPx(double min, double max) {
            minDiameterPx = min;
            maxDiameterPx = max;
            return this;
        }

        public Builder minContrast(double v) {
            minContrast = v;
            return this;
        }

        /** Optics scale (required). */
        public Builder micronsPerPixel(double v) {
            micronsPerPixel = v;
            return this;
        }

        /** A fixed illumination (DIC shear) direction. */
        public Builder illuminationAngleDeg(double v) {
            illuminationAngleDeg = v;
            illuminationAngleAuto = false;
            return this;
        }

        /** The direction estimated per frame and pooled over frames, {@code fallbackDeg} until a frame gives one. */
        public Builder autoIlluminationAngle(double fallbackDeg) {
            illuminationAngleDeg = fallbackDeg;
            illuminationAngleAuto = true;
            return this;
        }

        /** Where the bumps are (required). */
        public Builder bumps(BumpLayout v) {
            bumps = v;
            return this;
        }

        /** A bump with fewer particles is NG (required). */
        public Builder minParticlesPerBump(int v) {
            minParticlesPerBump = v;
            return this;
        }

        public Builder decisionLimits(DecisionLimits v) {
            decisionLimits = v;
            return this;
        }

        public Builder contrastNoiseFactor(double v) {
            contrastNoiseFactor = v;
            return this;
        }

        /**
         * @throws IllegalStateException   when a required field was not set
         * @throws InvalidSettingException when a value is out of range, naming the field and what is allowed
         */
        public DetectorSettings build() {
            if (Double.isNaN(minDiameterPx) || Double.isNaN(micronsPerPixel) || bumps == null
                    || minParticlesPerBump == null) {
                throw new IllegalStateException("DetectorSettings needs particleDiameterPx, micronsPerPixel, bumps "
                        + "and minParticlesPerBump; missing: " + missing());
            }
            return new DetectorSettings(minDiameterPx, maxDiameterPx, minContrast, micronsPerPixel,
                    illuminationAngleDeg, bumps, minParticlesPerBump, illuminationAngleAuto, decisionLimits,
                    contrastNoiseFactor);
        }

        private String missing() {
            List<String> names = new ArrayList<>();
            if (Double.isNaN(minDiameterPx)) {
                names.add("particleDiameterPx");
            }
            if (Double.isNaN(micronsPerPixel)) {
                names.add("micronsPerPixel");
            }
            if (bumps == null) {
                names.add("bumps");
            }
            if (minParticlesPerBump == null) {
                names.add("minParticlesPerBump");
            }
            return String.join(", ", names);
        }
    }
}
