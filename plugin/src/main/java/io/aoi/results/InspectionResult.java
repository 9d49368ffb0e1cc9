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
 * @param outcome         completed, failed, dropped or interrupted
 * @param verdict         OK, NG or NO_DECISION for completed results, NONE otherwise
 * @param reason          why a result failed, was dropped or has no decision; empty for OK and NG
 * @param recipeId        the prepared recipe (deblur and detector settings) it was made with
 * @param configurationId the station configuration it was made with (OPC 40100 InternalConfigurationId,
 *                        {@code <stationId>-<hash of the settings>}); empty for results journaled before
 *                        results kept theirs
 * @param deblurModel     model name as configured (none, wiener, udbd, udbd_acf, udbd_acf_lite, motion)
 * @param deblurPasses    passes of the deblurrer
 * @param particleCount   particles found in the whole frame
 * @param densityPerMm2   particles per mm^2 over all bumps
 * @param bumps           per-bump counts
 * @param times           per-stage processing times
 * @param defocusSigmaPx  the frame's estimated defocus as the sigma of the equivalent Gaussian, in px; NaN when
 *                        not estimated
 * @param illuminationAngleDeg the relief (DIC shear) direction the detector used, in degrees; NaN when none
 * @param deblurFallback  the cheaper deblurrer used instead of the recipe's under overload; empty when none
 * @param contrastThreshold the least relief amplitude (fraction of full scale) particles needed in this frame: the
 *                        station's minContrast, or higher where the frame's measured noise raised it
 *                        ({@code detector.contrastNoiseFactor}); NaN when not known
 *
 * <p>Build with {@link #builder()} or change one with {@link #toBuilder()}; the defaults live in
 * {@link Builder}.
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
        String configurationId,
        String deblurModel,
        int deblurPasses,
        int particleCount,
        double densityPerMm2,
        List<BumpCount> bumps,
        ProcessingTimes times,
        double defocusSigmaPx,
        double illuminationAngleDeg,
        String deblurFallback,
        double contrastThreshold) {

    public InspectionResult {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        configurationId = configurationId == null ? "" : configurationId;
        deblurFallback = deblurFallback == null ? "" : deblurFallback;
        times = times == null ? ProcessingTimes.NONE : times;
        bumps = List.copyOf(bumps);
        if (outcome == Outcome.COMPLETED && verdict == Verdict.NONE) {
            throw new IllegalArgumentException("a completed result needs an OK, NG or NO_DECISION verdict");
        }
        if (verdict == Verdict.NO_DECISION && reason.isEmpty()) {
            throw new IllegalArgumentException("a NO_DECISION result needs a reason");
        }
        if (outcome != Outcome.COMPLETED && verdict != Verdict.NONE) {
            throw new IllegalArgumentException("a " + outcome + " result has no verdict, got " + verdict);
        }
    }

    /**
     * The OPC 40100 ResultStateDataType value of this result: the {@link Outcome#resultState() outcome's}, except
     * that a completed result without a decision is {@value #RESULT_STATE_NO_DECISION} (Failed): processing did
     * not reach a verdict the station stands behind, so no client that reads only ResultState takes it for a
     * pass. The verdict NO_DECISION and its reason are in ResultContent.
     */
    public int resultState() {
        return resultState(outcome, verdict);
    }

    /** The ResultState of a result with this outcome and verdict; the one mapping every form uses. */
    public static int resultState(Outcome outcome, Verdict verdict) {
        return verdict == Verdict.NO_DECISION ? RESULT_STATE_NO_DECISION : outcome.resultState();
    }

    /** ResultState of a completed result without a decision: 4, Failed. */
    public static final int RESULT_STATE_NO_DECISION = 4;

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().resultId(resultId).stationId(stationId).jobId(jobId).frameId(frameId)
                .gapLinesBefore(gapLinesBefore).sourceName(sourceName).createdAt(createdAt).outcome(outcome)
                .verdict(verdict).reason(reason).recipeId(recipeId).configurationId(configurationId)
                .deblurModel(deblurModel).deblurPasses(deblurPasses).particleCount(particleCount)
                .densityPerMm2(densityPerMm2).bumps(bumps)
                .times(times).defocusSigmaPx(defocusSigmaPx).illuminationAngleDeg(illuminationAngleDeg)
                .deblurFallback(deblurFallback).contrastThreshold(contrastThreshold);
    }

    /** Named construction; every field not set keeps the default written here, and only here. */
    public static final class Builder {
        private String resultId;
        private String stationId = "";
        private String jobId = "";
        private long frameId;
        private long gapLinesBefore;
        private String sourceName = "";
        private Instant createdAt;
        private Outcome outcome;
        private Verdict verdict = Verdict.NONE;
        private String reason = "";
        private String recipeId = "";
        private String configurationId = "";
        private String deblurModel = "";
        private int deblurPasses;
        private int particleCount;
        private double densityPerMm2;
        private List<BumpCount> bumps = List.of();
        private ProcessingTimes times = ProcessingTimes.NONE;
        private double defocusSigmaPx = Double.NaN;
        private double illuminationAngleDeg = Double.NaN;
        private String deblurFallback = "";
        private double contrastThreshold = Double.NaN;

        private Builder() {
        }

        public Builder resultId(String v) { resultId = v; return this; }
        public Builder stationId(String v) { stationId = v; return this; }
        public Builder jobId(String v) { jobId = v; return this; }
        public Builder frameId(long v) { frameId = v; return this; }
        public Builder gapLinesBefore(long v) { gapLinesBefore = v; return this; }
        public Builder sourceName(String v) { sourceName = v; return this; }
        public Builder createdAt(Instant v) { createdAt = v; return this; }
        public Builder outcome(Outcome v) { outcome = v; return this; }
        public Builder verdict(Verdict v) { verdict = v; return this; }
        public Builder reason(String v) { reason = v; return this; }
        public Builder recipeId(String v) { recipeId = v; return this; }
        public Builder configurationId(String v) { configurationId = v; return this; }
        public Builder deblurModel(String v) { deblurModel = v; return this; }
        public Builder deblurPasses(int v) { deblurPasses = v; return this; }
        public Builder particleCount(int v) { particleCount = v; return this; }
        public Builder densityPerMm2(double v) { densityPerMm2 = v; return this; }
        public Builder bumps(List<BumpCount> v) { bumps = v; return this; }
        public Builder times(ProcessingTimes v) { times = v; return this; }
        public Builder defocusSigmaPx(double v) { defocusSigmaPx = v; return this; }
        public Builder illuminationAngleDeg(double v) { illuminationAngleDeg = v; return this; }
        public Builder deblurFallback(String v) { deblurFallback = v; return this; }
        public Builder contrastThreshold(double v) { contrastThreshold = v; return this; }

        /** The result id from station, job and frame, as {@link InspectionResult#resultId(String, String, long)}. */
        public Builder idFromParts() {
            resultId = InspectionResult.resultId(stationId, jobId, frameId);
            return this;
        }

        public InspectionResult build() {
            return new InspectionResult(resultId, stationId, jobId, frameId, gapLinesBefore, sourceName, createdAt,
                    outcome, verdict, reason, recipeId, configurationId, deblurModel, deblurPasses, particleCount,
                    densityPerMm2, bumps, times, defocusSigmaPx, illuminationAngleDeg, deblurFallback,
                    contrastThreshold);
        }
    }

    public static String resultId(String stationId, String jobId, long frameId) {
        return stationId + "-" + jobId + "-" + frameId;
    }
}
