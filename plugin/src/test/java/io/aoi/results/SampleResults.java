package io.aoi.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic results for tests and benchmarks. */
public final class SampleResults {
    private SampleResults() {
    }

    /** The InternalConfigurationId {@link #stamped} results carry. */
    public static final String CONFIGURATION_ID = "C1";

    /**
     * {@link #result(String, long, Instant)} stamped with configuration {@value #CONFIGURATION_ID}, as a running
     * station stamps its results. ({@link #result} has none: the committed wire fixtures were made from it.)
     */
    public static InspectionResult stamped(String stationId, long frameId, Instant createdAt) {
        return result(stationId, frameId, createdAt).toBuilder().configurationId(CONFIGURATION_ID).build();
    }

    /** {@link #stamped(String, long, Instant)} of station S1. */
    public static InspectionResult stamped(long frameId, Instant createdAt) {
        return stamped("S1", frameId, createdAt);
    }

    /** Result {@code frameId} of station S1, job J1; every third frame is NG, every tenth is dropped. */
    public static InspectionResult result(long frameId, Instant createdAt) {
        return result("S1", frameId, createdAt);
    }

    /** The same result for another station id (ids with dashes test parsers of result ids). */
    public static InspectionResult result(String stationId, long frameId, Instant createdAt) {
        Random rnd = new Random(frameId * 31 + 7);
        List<BumpCount> bumps = new ArrayList<>();
        int total = 0;
        boolean ng = frameId % 3 == 0;
        for (int b = 0; b < 8; b++) {
            int count = 5 + rnd.nextInt(10);
            if (ng && b == 2) {
                count = 1;
            }
            total += count;
            bumps.add(new BumpCount("B" + b, 100 + b * 150, 200, 120, 60, count, count >= 3));
        }
        String id = InspectionResult.resultId(stationId, "J1", frameId);
        if (frameId % 10 == 5) {
            return InspectionResult.builder().resultId(id).stationId(stationId).jobId("J1").frameId(frameId)
                    .gapLinesBefore(4096).sourceName("sim").createdAt(createdAt).outcome(Outcome.DROPPED)
                    .reason("incomplete strips").recipeId("R1").deblurModel("udbd").deblurPasses(2).build();
        }
        return InspectionResult.builder().resultId(id).stationId(stationId).jobId("J1").frameId(frameId)
                .sourceName("sim").createdAt(createdAt).outcome(Outcome.COMPLETED).verdict(ng ? Verdict.NG : Verdict.OK)
                .recipeId("R1").deblurModel("udbd").deblurPasses(2).particleCount(total).densityPerMm2(total / 1.44)
                .bumps(bumps).times(new ProcessingTimes(12.5 + rnd.nextDouble(), 3.25, 17.0))
                .defocusSigmaPx(2.25).build();
    }
}
