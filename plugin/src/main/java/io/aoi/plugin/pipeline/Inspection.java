package io.aoi.plugin.pipeline;

import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.List;

/**
 * What inspecting one restored frame found.
 *
 * @param particleCount particles this frame owns (overlap rows shared with a neighbour are split, so every
 *                      particle of a continuous scan is counted once)
 * @param densityPerMm2 particles per mm^2 over the judged bumps
 * @param bumps         judged bumps and their counts
 * @param verdict       OK, NG or NO_DECISION
 * @param reason        why there is no decision; empty for OK and NG
 * @param illuminationAngleDeg the relief (DIC shear) direction the detector used, degrees; NaN when not known
 * @param contrastThreshold the least relief amplitude particles needed in this frame (see
 *                      {@link io.aoi.detect.Detection#contrastThreshold()}); NaN when not known
 */
public record Inspection(int particleCount, double densityPerMm2, List<BumpCount> bumps, Verdict verdict,
        String reason, double illuminationAngleDeg, double contrastThreshold) {
    public Inspection {
        bumps = List.copyOf(bumps);
        reason = reason == null ? "" : reason;
        if (verdict == Verdict.NONE) {
            throw new IllegalArgumentException("an inspection decides OK, NG or NO_DECISION");
        }
        if ((verdict == Verdict.NO_DECISION) == reason.isEmpty()) {
            throw new IllegalArgumentException("an inspection has a reason exactly when it is NO_DECISION");
        }
    }

    /** An OK or NG inspection that does not know the illumination direction or the contrast threshold. */
    public Inspection(int particleCount, double densityPerMm2, List<BumpCount> bumps, Verdict verdict) {
        this(particleCount, densityPerMm2, bumps, verdict, "", Double.NaN, Double.NaN);
    }
}
