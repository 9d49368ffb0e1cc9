package io.aoi.config;

/**
 * When the detector refuses to decide a frame (verdict NO_DECISION) beyond the checks it always makes (a frame
 * without bumps, a blank, saturated or low-contrast frame, more particles in a bump than fit into it).
 *
 * @param expectedBumpsPerFrame fewest bumps a frame must show to be decided; 0 = no expectation beyond "at least
 *                              one" (a fixed layout always expects every one of its rectangles: one outside the
 *                              frame is unseen)
 * @param maxParticlesPerBump   most particles a bump can plausibly hold; a bump with more is noise counted as
 *                              particles. 0 = only the packing bound (bump area over the area of a particle of
 *                              minDiameterPx)
 */
public record DecisionLimits(int expectedBumpsPerFrame, int maxParticlesPerBump) {
    /** Only the checks the detector always makes. */
    public static final DecisionLimits DEFAULT = new DecisionLimits(0, 0);

    public DecisionLimits {
        Check.intRange("expectedBumpsPerFrame", expectedBumpsPerFrame, 0, 100_000);
        Check.intRange("maxParticlesPerBump", maxParticlesPerBump, 0, 1_000_000);
    }
}
