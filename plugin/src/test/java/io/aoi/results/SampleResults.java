package io.aoi.results;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded synthetic results for tests and benchmarks. */
public final class SampleResults {
    private SampleResults() {
    }

    /** Result {@code frameId} of station S1, job J1; every third frame is NG, every tenth is dropped. */
    public static InspectionResult result(long frameId, Instant createdAt) {
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
        String id = InspectionResult.resultId("S1", "J1", frameId);
        if (frameId % 10 == 5) {
            return new InspectionResult(id, "S1", "J1", frameId, "sim", createdAt, Outcome.DROPPED, Verdict.NONE,
                    "incomplete strips", "R1", "udbd", 2, 0, 0, List.of(), ProcessingTimes.NONE);
        }
        return new InspectionResult(id, "S1", "J1", frameId, "sim", createdAt, Outcome.COMPLETED,
                ng ? Verdict.NG : Verdict.OK, "", "R1", "udbd", 2, total, total / 1.44, bumps,
                new ProcessingTimes(12.5 + rnd.nextDouble(), 3.25, 17.0));
    }
}
