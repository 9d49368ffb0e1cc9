package io.aoi.results;

import java.time.Instant;
import java.util.List;

/**
 * The results and admissions behind the committed wire fixtures under {@code src/test/resources/io/aoi/results/}:
 * a journal segment and the OPC UA ResultContent lines, both written by the encoder the station shipped before the
 * JSON moved to Jackson data binding. Every kind of result, every optional field both set and unset, text that
 * needs escaping, and numbers whose formatting clients see (fractions, exponents, the long range).
 *
 * <p>Fixed data: the fixtures were generated from exactly these values, so the compatibility tests compare what
 * they decode and encode now against them field by field and byte by byte. Do not change a value without
 * regenerating the fixtures with the encoder of that time (which defeats their purpose).
 */
public final class WireFixtures {
    /** The UTC day all fixture records fall on: one journal segment. */
    public static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    /** The journal segment file the fixture journal consists of. */
    public static final String SEGMENT = "results-2026-03-01-000001.jsonl";

    private WireFixtures() {
    }

    /** The results in the order they were appended (and ResultContent lines were written). */
    public static List<InspectionResult> results() {
        InspectionResult ok = SampleResults.result(1, T0.plusSeconds(10));
        InspectionResult ng = SampleResults.result(3, T0.plusSeconds(11)).toBuilder()
                .illuminationAngleDeg(37.5).deblurFallback("wiener").build();
        InspectionResult dropped = SampleResults.result(5, T0.plusSeconds(12));
        InspectionResult noDecision = base(6, 13).outcome(Outcome.COMPLETED).verdict(Verdict.NO_DECISION)
                .reason("no bump found in the frame").recipeId("R1").deblurModel("wiener").deblurPasses(1)
                .times(new ProcessingTimes(4.0, 1.5, 6.0)).build();
        InspectionResult failed = base(7, 14).outcome(Outcome.FAILED)
                .reason("udbd failed: \"tile 3\" \\ out of memory\nretry\t\u00b5m \u2013 \u00e9\u00e8 \u0001")
                .recipeId("R1").deblurModel("udbd").deblurPasses(3)
                .times(new ProcessingTimes(120.125, 0, 130.0625)).build();
        // numbers whose text form a client sees: repeating fractions, exponents, zero, the long range
        InspectionResult numbers = base(Long.MAX_VALUE - 1, 15).outcome(Outcome.COMPLETED).verdict(Verdict.OK)
                .gapLinesBefore(Long.MAX_VALUE).recipeId("R2").deblurModel("udbd_acf").deblurPasses(2)
                .particleCount(Integer.MAX_VALUE).densityPerMm2(1.0 / 3.0)
                .bumps(List.of(new BumpCount("pad-\u00e4/1", 0, Integer.MAX_VALUE, 1, 2, 0, true),
                        new BumpCount("B1", -5, -7, 3, 4, Integer.MAX_VALUE, false)))
                .times(new ProcessingTimes(1e-7, 1.0E21, 0.1 + 0.2)).defocusSigmaPx(-0.0)
                .illuminationAngleDeg(359.99999999999994).build();
        // what a crash recovery writes: no recipe, model or times; nulls where records allow them
        InspectionResult interrupted = InspectionResult.builder().resultId("S1-J1-9").stationId(null).jobId(null)
                .frameId(9).sourceName(null).createdAt(T0.plusSeconds(16)).outcome(Outcome.INTERRUPTED)
                .reason("the station process ended before this frame had a result: admitted at "
                        + T0.plusSeconds(8) + ", cut between " + T0.plusSeconds(9) + " (last journal record) and "
                        + T0.plusSeconds(16) + " (restart)")
                .recipeId(null).deblurModel(null).build();
        return List.of(ok, ng, dropped, noDecision, failed, numbers, interrupted);
    }

    /** Admissions journaled before the results; those of frames 2 and 4 never got a result. */
    public static List<FrameAdmission> admissions() {
        return List.of(admission(1, 1), admission(2, 2), admission(3, 3),
                new FrameAdmission("S1-J1-4", "S1", "J1", 4, 0, null, T0.plusSeconds(4)),
                new FrameAdmission("S-1-J-1-8", "S-1", "J-1", 8, Long.MAX_VALUE, "cam \"left\" \u00b5", T0.plusSeconds(5)));
    }

    /** Admissions without a result in the fixture journal, oldest first: what crash recovery must find. */
    public static List<FrameAdmission> unrecordedAdmissions() {
        List<FrameAdmission> all = admissions();
        return List.of(all.get(1), all.get(3), all.get(4));
    }

    private static FrameAdmission admission(long frame, long second) {
        return new FrameAdmission(InspectionResult.resultId("S1", "J1", frame), "S1", "J1", frame, frame * 448,
                "sim", T0.plusSeconds(second));
    }

    private static InspectionResult.Builder base(long frame, long second) {
        return InspectionResult.builder().stationId("S1").jobId("J1").frameId(frame).idFromParts().sourceName("sim")
                .createdAt(T0.plusSeconds(second));
    }
}
