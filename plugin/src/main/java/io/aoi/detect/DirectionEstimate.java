package io.aoi.detect;

/**
 * The DIC shear (relief) direction measured on one or more frames.
 *
 * @param angleDeg   direction from the particles' dark half to their bright half, degrees counter-clockwise from
 *                   +x, in (-180, 180]; NaN when nothing was measured
 * @param confidence 0 to 1: one minus the probability that relief directions spread evenly (texture, no
 *                   particles) would agree as well as the measured ones (Rayleigh test on their
 *                   amplitude-weighted directions)
 * @param particles  relief peaks the estimate rests on (those within the vote's trim of its answer)
 */
public record DirectionEstimate(double angleDeg, double confidence, int particles) {
    /** Fewest relief peaks a confident estimate rests on. */
    public static final int MIN_PARTICLES = 12;
    /** Least agreement of a confident estimate. */
    public static final double MIN_CONFIDENCE = 0.9;

    /** Nothing measured. */
    public static final DirectionEstimate NONE = new DirectionEstimate(Double.NaN, 0, 0);

    /** Whether the estimate rests on enough particles that agree well enough to be used on its own. */
    public boolean confident() {
        return agrees(MIN_PARTICLES);
    }

    /** Whether at least {@code leastParticles} particles agree on the estimate ({@link #MIN_CONFIDENCE}). */
    public boolean agrees(int leastParticles) {
        return particles >= leastParticles && confidence >= MIN_CONFIDENCE && !Double.isNaN(angleDeg);
    }
}
