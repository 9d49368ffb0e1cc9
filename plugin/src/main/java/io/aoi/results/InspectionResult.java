package io.aoi.results;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one record a frame leaves behind. Immutable.
 *
 * @param resultId        unique, stable across restarts: {@code <stationId>-<jobId>-<frameId>}
 * @param stationId       the station that produced it
 * @param jobId           one run of the station (changes at every start)
 * @param frameId         frame counter of the source within the job
 * @param gapLinesBefore  lines the source lost just before this frame (camera outage, dropped strips); 0 normally
 * @param sourceName      camera or file the frame came from
 * @param createdAt       when the result was made
 * @param outcome         completed, failed or dropped
 * @param verdict         OK/NG for completed results, NONE otherwise
 * @param reason          why a result failed or was dropped; empty for completed ones
 * @param recipeId        the prepared recipe (deblur and detector settings) it was made with
 * @param deblurModel     model name as configured (none, wiener, udbd, udbd_acf, motion)
 * @param deblurPasses    passes of the deblurrer
 * @param particleCount   particles found in the whole frame
 * @param densityPerMm2   particles per mm^2 over all bumps
 * @param bumps           per-bump counts
 * @param times           per-stage processing times
 */
public record InspectionResult(
        String resultId,
        String stationId,
        String jobId,
        long frameId,
        long gapLinesBefore,
        String sourceName,
        Instant createdAt,
        Outcome outcome,
        Verdict verdict,
        String reason,
        String recipeId,
        String deblurModel,
        int deblurPasses,
        int particleCount,
        double densityPerMm2,
        List<BumpCount> bumps,
        ProcessingTimes times) {

    public InspectionResult {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        bumps = List.copyOf(bumps);
        if (outcome == Outcome.COMPLETED && verdict == Verdict.NONE) {
            throw new IllegalArgumentException("a completed result needs an OK or NG verdict");
        }
        if (outcome != Outcome.COMPLETED && verdict != Verdict.NONE) {
            throw new IllegalArgumentException("a " + outcome + " result has no verdict, got " + verdict);
        }
    }

    public static String resultId(String stationId, String jobId, long frameId) {
        return stationId + "-" + jobId + "-" + frameId;
    }
}
