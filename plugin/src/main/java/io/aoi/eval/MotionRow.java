package io.aoi.eval;

/**
 * Pooled results of one arm at one motion length over all evaluated frames.
 *
 * @param motionBlurPx motion blur length along y, in lines
 * @param arm          sharp, blurred or motion
 * @param particles    detections against the true particles
 * @param bumps        per-bump OK/NG against the truth
 */
public record MotionRow(double motionBlurPx, String arm, MatchStats particles, VerdictStats bumps) {
}
