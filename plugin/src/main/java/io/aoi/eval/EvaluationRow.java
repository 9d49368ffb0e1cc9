package io.aoi.eval;

/**
 * Pooled results of one arm at one defocus sigma over all evaluated frames.
 *
 * @param defocusSigmaPx true defocus sigma of the rendered frames
 * @param arm            the arm's label
 * @param particles      detections against the true particles
 * @param bumps          per-bump OK/NG against the truth
 */
public record EvaluationRow(double defocusSigmaPx, String arm, MatchStats particles, VerdictStats bumps) {
}
