package io.aoi.eval;

/**
 * Pooled results of one arm at one defocus sigma over all evaluated frames.
 *
 * @param defocusSigmaPx        true defocus sigma of the rendered frames
 * @param arm                   the arm's label
 * @param particles             detections against the true particles
 * @param classes               which of the true particles that count were found, by kind;
 *                              {@link ParticleClasses#NONE} when not tallied
 * @param bumps                 per-bump OK/NG against the truth
 * @param meanContrastThreshold the detector's contrast threshold averaged over the frames (minContrast, or higher
 *                              where the measured noise raised it); NaN when not known
 */
public record EvaluationRow(double defocusSigmaPx, String arm, MatchStats particles, ParticleClasses classes,
        VerdictStats bumps, double meanContrastThreshold) {
    /** A row whose particle kinds and contrast threshold are not known. */
    public EvaluationRow(double defocusSigmaPx, String arm, MatchStats particles, VerdictStats bumps) {
        this(defocusSigmaPx, arm, particles, ParticleClasses.NONE, bumps, Double.NaN);
    }
}
