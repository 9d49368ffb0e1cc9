package io.aoi.results.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.InspectionResult;
import io.aoi.results.SampleResults;
import io.aoi.results.Verdict;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJournalTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    @TempDir
    Path dir;

    @Test
    void readsBackEveryAppendedResultByIdAndInTimeOrder() throws Exception {
        List<InspectionResult> written = new ArrayList<>();
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int i = 1; i <= 30; i++) {
                InspectionResult r = SampleResults.result(i, T0.plusSeconds(31 - i));
                j.append(r);
                written.add(r);
            }
            for (InspectionResult r : written) {
                assertEquals(Optional.of(r), j.byId(r.resultId()));
            }
            assertEquals(Optional.empty(), j.byId("S1-J1-999"));
            List<InspectionResult> all = j.list(T0, T0.plusSeconds(60), Optional.empty(), 100);
            assertEquals(30, all.size());
            for (int k = 1; k < all.size(); k++) {
                assertFalse(all.get(k).createdAt().isBefore(all.get(k - 1).createdAt()), "time order at " + k);
            }
            List<InspectionResult> ng = j.list(T0, T0.plusSeconds(60), Optional.of(Verdict.NG), 100);
            assertEquals(written.stream().filter(r -> r.verdict() == Verdict.NG).count(), ng.size());
            assertTrue(ng.stream().allMatch(r -> r.verdict() == Verdict.NG));
            assertEquals(5, j.list(T0, T0.plusSeconds(60), Optional.empty(), 5).size());
            List<InspectionResult> window = j.list(T0.plusSeconds(10), T0.plusSeconds(12), Optional.empty(), 100);
            assertEquals(3, window.size());
            assertTrue(j.bytesOnDisk() > 0);
        }
    }

    @Test
    void servesEverythingAfterReopening() throws Exception {
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int i = 1; i <= 20; i++) {
                j.append(SampleResults.result(i, T0.plusMillis(i)));
            }
        }
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertEquals(20, j.size());
            assertEquals(0, j.tornRecordsRecovered());
            assertEquals(Optional.of(SampleResults.result(7, T0.plusMillis(7))), j.byId("S1-J1-7"));
            j.append(SampleResults.result(21, T0.plusMillis(21)));
            assertEquals(21, j.list(T0, T0.plusSeconds(1), Optional.empty(), 100).size());
        }
    }

    @Test
    void truncatesATornLastRecordAndServesTheRecordsBefore() throws Exception {
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int i = 1; i <= 10; i++) {
                j.append(SampleResults.result(i, T0.plusMillis(i)));
            }
        }
        Path seg = onlySegment();
        long size = Files.size(seg);
        try (FileChannel ch = FileChannel.open(seg, StandardOpenOption.WRITE)) {
            ch.truncate(size - 40); // cut the last record in the middle of its JSON
        }
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertEquals(1, j.tornRecordsRecovered());
            assertEquals(9, j.size());
            assertEquals(Optional.empty(), j.byId("S1-J1-10"));
            assertEquals(Optional.of(SampleResults.result(9, T0.plusMillis(9))), j.byId("S1-J1-9"));
            assertTrue(Files.size(seg) < size - 40, "torn bytes cut off");
            j.append(SampleResults.result(10, T0.plusMillis(10)));
        }
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertEquals(0, j.tornRecordsRecovered());
            assertEquals(10, j.size());
        }
    }

    @Test
    void skipsACorruptRecordInTheMiddleAndKeepsTheRest() throws Exception {
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            for (int i = 1; i <= 5; i++) {
                j.append(SampleResults.result(i, T0.plusMillis(i)));
            }
        }
        Path seg = onlySegment();
        byte[] bytes = Files.readAllBytes(seg);
        int secondLine = indexOfLine(bytes, 1);
        bytes[secondLine + 30] ^= 0x01; // flip one bit inside record 2's JSON
        Files.write(seg, bytes);
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertEquals(1, j.corruptRecordsSkipped());
            assertEquals(0, j.tornRecordsRecovered());
            assertEquals(4, j.size());
            assertEquals(Optional.empty(), j.byId("S1-J1-2"));
        }
    }

    @Test
    void deletesSegmentsOlderThanTheRetentionDays() throws Exception {
        Instant now = T0.plus(Duration.ofDays(10));
        try (ResultJournal j = ResultJournal.open(dir, 3, 1L << 20, Clock.fixed(now, ZoneOffset.UTC))) {
            for (int day = 9; day >= 0; day--) {
                j.append(SampleResults.result(100 - day, now.minus(Duration.ofDays(day))));
            }
            // days 9..4 are older than 3 days and in closed segments: deleted as new segments were started
            assertEquals(Optional.empty(), j.byId("S1-J1-91"));
            assertEquals(Optional.empty(), j.byId("S1-J1-96"));
            assertTrue(j.byId("S1-J1-97").isPresent());
            assertTrue(j.byId("S1-J1-100").isPresent());
            assertEquals(4, segmentCount());
        }
    }

    @Test
    void keepsTheDiskUseUnderMaxBytesByDeletingOldestSegments() throws Exception {
        long maxBytes = ResultJournal.MIN_MAX_BYTES;
        try (ResultJournal j = ResultJournal.open(dir, 30, maxBytes, Clock.fixed(T0, ZoneOffset.UTC))) {
            int n = 400;
            for (int i = 1; i <= n; i++) {
                j.append(SampleResults.result(i, T0.plusMillis(i)));
                assertTrue(j.bytesOnDisk() <= maxBytes + ResultJournal.segmentLimitBytes(maxBytes),
                        "bytes on disk " + j.bytesOnDisk() + " after " + i);
            }
            assertEquals(Optional.empty(), j.byId("S1-J1-1"), "oldest deleted");
            assertTrue(j.byId("S1-J1-" + n).isPresent(), "newest kept");
            List<InspectionResult> kept = j.list(T0, T0.plusSeconds(10), Optional.empty(), 1000);
            assertEquals(j.size(), kept.size());
            long firstKept = kept.get(0).frameId();
            for (int k = 0; k < kept.size(); k++) {
                assertEquals(firstKept + k, kept.get(k).frameId(), "a contiguous newest range is kept");
            }
            assertEquals(sumSegmentBytes(), j.bytesOnDisk());
        }
    }

    @Test
    void refusesASecondOpenOfTheSameDirectory() throws Exception {
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            JournalException e = assertThrows(JournalException.class, () -> ResultJournal.open(dir, 30, 1L << 20));
            assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
            assertEquals(0, j.size(), "the first journal stays usable");
        }
    }

    @Test
    void rejectsRetentionAndBudgetOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ResultJournal.open(dir, 0, 1L << 20));
        assertTrue(e.getMessage().contains("retentionDays"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ResultJournal.open(dir, 1, 100));
        assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
    }

    @Test
    void servesEveryAcknowledgedResultAfterTheWriterIsKilled() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                JournalWriterMain.class.getName(), dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertEquals("READY", line, "child journal writer started");
            while (acked.size() < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("ACK ")) {
                    acked.add(line.substring(4));
                }
            }
            p.destroyForcibly(); // SIGKILL while the child is appending; it may have appended more than was read
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "child ended");
        } finally {
            p.destroyForcibly();
        }
        assertTrue(acked.size() >= 300, "acknowledged " + acked.size());
        try (ResultJournal j = ResultJournal.open(dir, 30, 64L << 20)) {
            for (String id : acked) {
                assertTrue(j.byId(id).isPresent(), "acknowledged result " + id + " survived kill -9");
            }
            // what survived is exactly the child's frames 1..N in order: no gap, no duplicate, no torn record
            List<Long> frames = j.list(Instant.EPOCH, Instant.now().plusSeconds(60), Optional.empty(), 1_000_000)
                    .stream().map(InspectionResult::frameId).sorted().toList();
            assertEquals(LongStream.rangeClosed(1, frames.size()).boxed().toList(), frames);
            assertTrue(frames.size() >= acked.size());
        }
    }

    private Path onlySegment() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> segs = s.filter(p -> Segment.sequenceOf(p) >= 0).toList();
            assertEquals(1, segs.size());
            return segs.get(0);
        }
    }

    private long segmentCount() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Segment.sequenceOf(p) >= 0).count();
        }
    }

    private long sumSegmentBytes() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            long sum = 0;
            for (Path p : s.filter(p -> Segment.sequenceOf(p) >= 0).toList()) {
                sum += Files.size(p);
            }
            return sum;
        }
    }

    private static int indexOfLine(byte[] bytes, int lineIndex) {
        int line = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (line == lineIndex) {
                return i;
            }
            if (bytes[i] == '\n') {
                line++;
            }
        }
        throw new IllegalArgumentException("no line " + lineIndex);
    }
}
