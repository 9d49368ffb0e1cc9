package io.aoi.results.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.SampleResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrashRecoveryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private static final FrameAdmission.MadeWith MADE_WITH = new FrameAdmission.MadeWith("acf-r2", "S1-0123456789ab");

    private static FrameAdmission admission(long frame, Instant at) {
        return new FrameAdmission(InspectionResult.resultId("S1", "J1", frame), "S1", "J1", frame, frame * 448,
                "sim", at, MADE_WITH);
    }

    @Test
    void everyAdmittedFrameWithoutAResultGetsOneInterruptedRecordAtTheNextOpen() throws Exception {
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            for (long f = 1; f <= 5; f++) {
                j.admit(admission(f, T0.plusSeconds(f)));
            }
            j.append(SampleResults.result(1, T0.plusSeconds(6)));
            j.append(SampleResults.result(3, T0.plusSeconds(7)));
            // the process "ends" here with frames 2, 4 and 5 in flight
        }
        Instant restart = T0.plusSeconds(60);
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            assertEquals(List.of("S1-J1-2", "S1-J1-4", "S1-J1-5"),
                    j.unrecordedAdmissions().stream().map(FrameAdmission::resultId).toList());
            assertEquals(Optional.of(T0.plusSeconds(7)), j.lastRecordAtOpen());
            List<InspectionResult> recovered = CrashRecovery.recordInterrupted(j, restart);
            assertEquals(3, recovered.size());
            for (InspectionResult r : recovered) {
                assertEquals(Outcome.INTERRUPTED, r.outcome());
                assertEquals(3, r.resultState(), "OPC 40100 Aborted");
                assertEquals("acf-r2", r.recipeId(), "the recipe in force when the frame entered");
                assertEquals("S1-0123456789ab", r.configurationId(), "the configuration it entered under");
                assertTrue(r.reason().contains("cut between " + T0.plusSeconds(7) + " (last journal record) and "
                        + restart), r.reason());
                assertEquals(Optional.of(r), j.byId(r.resultId()));
            }
            assertTrue(j.unrecordedAdmissions().isEmpty());
            assertEquals(5, j.size(), "admissions are not served as results");
        }
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            assertTrue(j.unrecordedAdmissions().isEmpty(), "recovery is not repeated at the next start");
            assertTrue(CrashRecovery.recordInterrupted(j, restart.plusSeconds(60)).isEmpty());
            assertEquals(0, j.corruptRecordsSkipped() + j.tornRecordsRecovered());
        }
    }
}
