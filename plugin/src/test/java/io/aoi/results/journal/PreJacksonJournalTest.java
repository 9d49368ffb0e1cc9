package io.aoi.results.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import io.aoi.results.WireFixtures;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal written by the encoder before JSON data binding ({@code journal/pre-jackson/}, from
 * {@link WireFixtures}) is read back exactly: every field of every result, the admissions crash recovery needs,
 * the catch-up queries; and today's encoder writes the same bytes for the same records.
 */
class PreJacksonJournalTest {
    private static final Instant NOW = WireFixtures.T0.plusSeconds(3600);

    @TempDir
    Path dir;

    private Path fixtureSegment() {
        return Path.of("src/test/resources/io/aoi/results/journal/pre-jackson", WireFixtures.SEGMENT);
    }

    private ResultJournal openCopy() throws Exception {
        Files.copy(fixtureSegment(), dir.resolve(WireFixtures.SEGMENT));
        return reopen();
    }

    private ResultJournal reopen() throws Exception {
        return ResultJournal.open(dir, 30, 1L << 20, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /** Compares every component, naming the first that differs (NaN equals NaN, as in record equality). */
    static void assertSameFields(Record expected, Record actual) throws Exception {
        for (RecordComponent c : expected.getClass().getRecordComponents()) {
            Object e = c.getAccessor().invoke(expected);
            Object a = c.getAccessor().invoke(actual);
            assertTrue(Objects.equals(e, a), expected.getClass().getSimpleName() + "." + c.getName()
                    + ": expected <" + e + "> but was <" + a + "> in " + expected);
        }
        assertEquals(expected, actual);
    }

    @Test
    void everyFieldOfEveryResultReadsBackAsAppended() throws Exception {
        try (ResultJournal j = openCopy()) {
            assertEquals(0, j.corruptRecordsSkipped() + j.tornRecordsRecovered());
            assertEquals(WireFixtures.results().size(), j.size());
            for (InspectionResult expected : WireFixtures.results()) {
                Optional<InspectionResult> read = j.byId(expected.resultId());
                assertTrue(read.isPresent(), expected.resultId());
                assertSameFields(expected, read.get());
            }
            InspectionResult ok = j.byId("S1-J1-1").orElseThrow();
            assertTrue(Double.isNaN(ok.illuminationAngleDeg()), "null reads back as not measured");
            assertEquals(2.25, ok.defocusSigmaPx());
        }
    }

    @Test
    void catchUpQueriesServeTheOldResults() throws Exception {
        try (ResultJournal j = openCopy()) {
            assertEquals(WireFixtures.results().stream().map(InspectionResult::resultId).toList(),
                    j.list(WireFixtures.T0, NOW, Optional.empty(), 100).stream().map(InspectionResult::resultId)
                            .toList(), "oldest first");
            assertEquals(List.of(WireFixtures.results().get(0), WireFixtures.results().get(5)),
                    j.list(WireFixtures.T0, NOW, Optional.of(Verdict.OK), 100), "the OK ones, read in full");
            ResultJournal.Page job = j.query(WireFixtures.T0.plusSeconds(11), WireFixtures.T0.plusSeconds(15),
                    s -> s.jobId().equals("J1"), 0, 2);
            assertEquals(5, job.matched());
            assertEquals(List.of("S1-J1-9223372036854775806", "S1-J1-7"),
                    job.results().stream().map(InspectionResult::resultId).toList());
            ResultJournal.Page noJob = j.query(Instant.EPOCH, NOW, s -> s.jobId().isEmpty(), 0, 10);
            assertEquals(List.of("S1-J1-9"), noJob.results().stream().map(InspectionResult::resultId).toList(),
                    "a null job id is indexed as unknown");
        }
    }

    @Test
    void crashRecoveryFindsTheOldAdmissionsWithoutAResult() throws Exception {
        try (ResultJournal j = openCopy()) {
            List<FrameAdmission> pending = j.unrecordedAdmissions();
            assertEquals(WireFixtures.unrecordedAdmissions().size(), pending.size());
            for (int i = 0; i < pending.size(); i++) {
                assertSameFields(WireFixtures.unrecordedAdmissions().get(i), pending.get(i));
            }
            assertEquals(Optional.of(WireFixtures.T0.plusSeconds(16)), j.lastRecordAtOpen());
            List<InspectionResult> recovered = CrashRecovery.recordInterrupted(j, NOW);
            assertEquals(List.of("S1-J1-2", "S1-J1-4", "S-1-J-1-8"),
                    recovered.stream().map(InspectionResult::resultId).toList());
            assertTrue(recovered.stream().allMatch(r -> r.outcome() == Outcome.INTERRUPTED));
        }
        try (ResultJournal j = reopen()) {
            assertTrue(j.unrecordedAdmissions().isEmpty());
            assertEquals(WireFixtures.results().size() + 3, j.size());
            assertEquals("cam \"left\" \u00b5", j.byId("S-1-J-1-8").orElseThrow().sourceName());
            assertEquals(0, j.corruptRecordsSkipped() + j.tornRecordsRecovered());
        }
    }

    @Test
    void todaysEncoderWritesTheSameBytesAsTheOldOne() throws Exception {
        List<byte[]> lines = lines(Files.readAllBytes(fixtureSegment()));
        List<byte[]> encoded = new ArrayList<>();
        for (FrameAdmission a : WireFixtures.admissions()) {
            encoded.add(RecordFormat.frame(ResultCodec.encode(a)));
        }
        for (InspectionResult r : WireFixtures.results()) {
            encoded.add(RecordFormat.frame(ResultCodec.encode(r)));
        }
        assertEquals(lines.size(), encoded.size());
        for (int i = 0; i < lines.size(); i++) {
            assertArrayEquals(lines.get(i), encoded.get(i), "line " + (i + 1) + ":\n"
                    + new String(lines.get(i), StandardCharsets.UTF_8) + "\n"
                    + new String(encoded.get(i), StandardCharsets.UTF_8));
        }
    }

    /** The segment's lines, each with its line feed. */
    private static List<byte[]> lines(byte[] segment) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < segment.length; i++) {
            if (segment[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(segment, start, i + 1));
                start = i + 1;
            }
        }
        assertEquals(segment.length, start, "the fixture ends with a line feed");
        return out;
    }
}
