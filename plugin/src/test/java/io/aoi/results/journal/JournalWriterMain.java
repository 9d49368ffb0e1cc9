package io.aoi.results.journal;

import io.aoi.results.InspectionResult;
import io.aoi.results.SampleResults;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Child process of the crash test: appends results to the journal in {@code args[0]} forever and prints
 * {@code ACK <resultId>} after each append returned.
 */
public final class JournalWriterMain {
    private JournalWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        try (ResultJournal j = ResultJournal.open(Path.of(args[0]), 30, 64L << 20)) {
            System.out.println("READY");
            System.out.flush();
            for (long frame = 1; ; frame++) {
                InspectionResult r = SampleResults.result(frame, Instant.now());
                j.append(r);
                System.out.println("ACK " + r.resultId());
                System.out.flush();
            }
        }
    }
}
