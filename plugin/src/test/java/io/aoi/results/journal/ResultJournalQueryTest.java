package io.aoi.results.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.SampleResults;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ResultJournal#query}: newest first, open or closed windows, index filters, paging, after a reopen. */
class ResultJournalQueryTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    private static InspectionResult result(int frame) {
        InspectionResult r = SampleResults.result(frame, T0.plusSeconds(frame));
        String job = frame <= 6 ? "J1" : "J2";
        return r.toBuilder().jobId(job).resultId(InspectionResult.resultId("S1", job, frame))
                .recipeId(frame % 2 == 0 ? "panel-a-r0" : "panel-b-r1").build();
    }

    private static List<Long> frames(ResultJournal.Page page) {
        return page.results().stream().map(InspectionResult::frameId).toList();
    }

    @Test
    void answersNewestFirstWithFiltersWindowsAndPagingAlsoAfterReopening() throws Exception {
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            for (int i = 1; i <= 10; i++) {
                j.append(result(i));
            }
        }
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            ResultJournal.Page all = j.query(null, null, s -> true, 0, 100);
            assertEquals(List.of(10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L), frames(all));
            assertEquals(10, all.matched());

            ResultJournal.Page job1 = j.query(null, null, s -> s.jobId().equals("J1"), 1, 2);
            assertEquals(List.of(5L, 4L), frames(job1));
            assertEquals(6, job1.matched(), "matched counts the whole filter, not the page");

            ResultJournal.Page since = j.query(T0.plusSeconds(8), null, s -> true, 0, 100);
            assertEquals(List.of(10L, 9L, 8L), frames(since));
            ResultJournal.Page until = j.query(null, T0.plusSeconds(2), s -> true, 0, 100);
            assertEquals(List.of(2L, 1L), frames(until));
            ResultJournal.Page window = j.query(T0.plusSeconds(3), T0.plusSeconds(6),
                    s -> s.recipeId().equals("panel-a-r0"), 0, 100);
            assertEquals(List.of(6L, 4L), frames(window));

            ResultJournal.Page dropped = j.query(null, null, s -> s.outcome() == Outcome.DROPPED, 0, 100);
            assertEquals(List.of(5L), frames(dropped), "SampleResults drops frame 5");
            assertEquals(0, j.query(null, null, s -> true, 20, 5).results().size());
            assertThrows(IllegalArgumentException.class, () -> j.query(null, null, s -> true, -1, 5));
        }
    }
}
