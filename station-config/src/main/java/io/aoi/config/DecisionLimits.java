package io.aoi.config;

/**
 * When the detector refuses to decide a frame (verdict NO_DECISION) beyond the checks it always makes (a frame
 * without bumps, a blank, saturated or low-contrast frame, more particles in a bump than fit into it). Build from
 * {@link #DEFAULT} with the withers.
 *
 * @param expectedBumpsPerFrame fewest bumps a frame must show to be decided; 0 = no expectation beyond "at least
 *                              one" (a fixed layout always expects every one of its rectangles: one outside the
 *                              frame is unseen)
 * @param maxParticlesPerBump   most particles a bump can plausibly hold; a bump with more is noise counted as
 *                              particles. 0 = only the packing bound (bump area over the area of a particle of
 *                              minDiameterPx)
 * @param minJudgedBumpAreaPx   least total area of the bumps judged in a frame, in pixels; 0 = none
 */
public record DecisionLimits(int expectedBumpsPerFrame, int maxParticlesPerBump, long minJudgedBumpAreaPx) {
    /** Only the checks the detector always makes. */
    public static final DecisionLimits DEFAULT = new DecisionLimits(0, 0, 0);

    public DecisionLimits {
        Check.intRange("expectedBumpsPerFrame", expectedBumpsPerFrame, 0, 100_000);
        Check.intRange("maxParticlesPerBump", maxParticlesPerBump, 0, 1_000_000);
        if (minJudgedBumpAreaPx < 0 || minJudgedBumpAreaPx > 1L << 40) {
            throw new InvalidSettingException("minJudgedBumpAreaPx", minJudgedBumpAreaPx,
                    "an integer from 0 to " + (1L << 40));
        }
    }

    public DecisionLimits withExpectedBumpsPerFrame(int v) {
        return new DecisionLimits(v, maxParticlesPerBump, minJudgedBumpAreaPx);
    }

    public DecisionLimits withMaxParticlesPerBump(int v) {
        return new DecisionLimits(expectedBumpsPerFrame, v, minJudgedBumpAreaPx);
    }

    public DecisionLimits withMinJudgedBumpAreaPx(long v) {
        return new DecisionLimits(expectedBumpsPerFrame, maxParticlesPerBump, v);
    }
}
