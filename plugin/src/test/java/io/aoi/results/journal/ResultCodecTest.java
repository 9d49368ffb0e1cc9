package io.aoi.results.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.WireFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Journal lines that are not what today's encoder writes: older ones without later fields, and broken ones. */
class ResultCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InspectionResult NG = WireFixtures.results().get(1);

    private static ObjectNode encoded(InspectionResult r) throws IOException {
        return (ObjectNode) JSON.readTree(ResultCodec.encode(r));
    }

    private static InspectionResult decode(ObjectNode o) throws IOException {
        byte[] json = JSON.writeValueAsBytes(o);
        return ResultCodec.decode(json, 0, json.length);
    }

    private static String failure(ObjectNode o) {
        return assertThrows(IOException.class, () -> decode(o)).getMessage();
    }

    @Test
    void aLineWithoutTheFieldsLaterVersionsAddedReadsWithTheirDefaults() throws Exception {
        ObjectNode o = encoded(NG);
        o.remove(List.of("gapLinesBefore", "defocusSigmaPx", "illuminationAngleDeg", "deblurFallback", "resultState"));
        InspectionResult r = decode(o);
        assertEquals(0, r.gapLinesBefore());
        assertTrue(Double.isNaN(r.defocusSigmaPx()) && Double.isNaN(r.illuminationAngleDeg()));
        assertEquals("", r.deblurFallback());
        assertEquals(NG.toBuilder().defocusSigmaPx(Double.NaN).illuminationAngleDeg(Double.NaN).deblurFallback("")
                .build(), r);
    }

    @Test
    void theContrastThresholdReadsBackAndAnOldLineHasNone() throws Exception {
        InspectionResult withThreshold = NG.toBuilder().contrastThreshold(0.0375).build();
        byte[] line = ResultCodec.encode(withThreshold);
        assertEquals(withThreshold, ResultCodec.decode(line, 0, line.length));
        assertEquals(0.0375, encoded(withThreshold).get("contrastThreshold").asDouble());
        assertTrue(Double.isNaN(decode(encoded(NG)).contrastThreshold()), "a line without it: not known");
        ObjectNode nullThreshold = encoded(withThreshold);
        nullThreshold.putNull("contrastThreshold");
        assertTrue(Double.isNaN(decode(nullThreshold).contrastThreshold()), "null reads back as not known");
    }

    @Test
    void theConfigurationReadsBackAndAnOldLineHasNone() throws Exception {
        InspectionResult configured = NG.toBuilder().configurationId("S1-0123456789ab").build();
        byte[] line = ResultCodec.encode(configured);
        assertEquals(configured, ResultCodec.decode(line, 0, line.length));
        assertEquals("S1-0123456789ab", encoded(configured).get("configurationId").asText());
        assertFalse(encoded(NG).has("configurationId"), "none is left out, so such lines read as before");
        assertEquals("", decode(encoded(NG)).configurationId());
    }

    @Test
    void anAdmissionKeepsItsRecipeAndConfigurationAndAnOldOneHasNeither() throws Exception {
        FrameAdmission old = WireFixtures.admissions().get(0);
        FrameAdmission stamped = new FrameAdmission(old.resultId(), old.stationId(), old.jobId(), old.frameId(),
                old.firstLine(), old.sourceName(), old.admittedAt(), new FrameAdmission.MadeWith("acf-r2", "S1-c"));
        assertEquals(stamped, ResultCodec.decodeAdmission(JSON.readTree(ResultCodec.encode(stamped))));
        ObjectNode oldLine = (ObjectNode) JSON.readTree(ResultCodec.encode(old));
        assertFalse(oldLine.has("recipeId") || oldLine.has("configurationId"), oldLine.toString());
        assertEquals(FrameAdmission.MadeWith.UNKNOWN, ResultCodec.decodeAdmission(oldLine).madeWith());
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode o = encoded(NG);
        o.put("addedLater", 1);
        ((ObjectNode) o.get("times")).put("queueMillis", 2.0);
        ((ObjectNode) o.get("bumps").get(0)).put("area", 7200);
        assertEquals(NG, decode(o));
    }

    @Test
    void aBrokenLineSaysWhichFieldAndWhatWasWrong() throws Exception {
        ObjectNode missing = encoded(NG);
        missing.remove("frameId");
        assertTrue(failure(missing).matches("not a journal result record: .*'frameId'.*"), failure(missing));

        ObjectNode badCount = encoded(NG);
        ((ObjectNode) badCount.get("bumps").get(2)).put("count", "many");
        assertTrue(failure(badCount).startsWith("not a journal result record: bumps[2].count: "), failure(badCount));
        assertTrue(failure(badCount).contains("\"many\""), failure(badCount));

        ObjectNode badVerdict = encoded(NG);
        badVerdict.put("verdict", "MAYBE");
        assertTrue(failure(badVerdict).startsWith("not a journal result record: verdict: "), failure(badVerdict));
        assertTrue(failure(badVerdict).contains("MAYBE") && failure(badVerdict).contains("NO_DECISION"),
                failure(badVerdict));

        ObjectNode badTime = encoded(NG);
        badTime.put("createdAt", "yesterday");
        assertEquals("not a journal result record: createdAt \"yesterday\" is not an ISO-8601 instant such as "
                + "2026-03-01T08:00:00Z", failure(badTime));

        ObjectNode noTimes = encoded(NG);
        noTimes.putNull("times");
        assertEquals("not a journal result record: times is null", failure(noTimes));

        ObjectNode completedWithoutVerdict = encoded(NG);
        completedWithoutVerdict.put("verdict", "NONE");
        assertEquals("not a journal result record: a completed result needs an OK, NG or NO_DECISION verdict",
                failure(completedWithoutVerdict));

        byte[] notJson = "{\"resultId\":".getBytes(StandardCharsets.UTF_8);
        assertTrue(assertThrows(IOException.class, () -> ResultCodec.parse(notJson, 0, notJson.length)).getMessage()
                .startsWith("not JSON: "));
        byte[] array = "[1,2]".getBytes(StandardCharsets.UTF_8);
        assertEquals("not a JSON object: ARRAY",
                assertThrows(IOException.class, () -> ResultCodec.parse(array, 0, array.length)).getMessage());
    }

    @Test
    void aBrokenAdmissionSaysWhatWasWrong() throws Exception {
        ObjectNode o = (ObjectNode) JSON.readTree(ResultCodec.encode(WireFixtures.admissions().get(0)));
        o.remove("firstLine");
        assertTrue(ResultCodec.isAdmission(o));
        String message = assertThrows(IOException.class, () -> ResultCodec.decodeAdmission(o)).getMessage();
        assertTrue(message.matches("not a journal admission record: .*'firstLine'.*"), message);
    }

    /**
     * A line whose CRC matches but that does not decode is skipped with a warning naming the segment, the line and
     * the reason, and the good lines after it are still read.
     */
    @Test
    void anUnreadableLineIsNamedAndTheGoodLinesAroundItAreRead(@TempDir Path dir) throws Exception {
        List<InspectionResult> results = WireFixtures.results();
        ObjectNode broken = encoded(results.get(1));
        ((ObjectNode) broken.get("bumps").get(2)).put("count", "many");
        ByteArrayOutputStream segment = new ByteArrayOutputStream();
        segment.write(RecordFormat.frame(ResultCodec.encode(results.get(0))));
        segment.write(RecordFormat.frame(JSON.writeValueAsBytes(broken)));
        segment.write(RecordFormat.frame(ResultCodec.encode(results.get(2))));
        Path file = dir.resolve(WireFixtures.SEGMENT);
        Files.write(file, segment.toByteArray());

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20)) {
            assertEquals(2, j.size());
            assertEquals(1, j.corruptRecordsSkipped());
            assertEquals(results.get(0), j.byId(results.get(0).resultId()).orElseThrow());
            assertEquals(results.get(2), j.byId(results.get(2).resultId()).orElseThrow());
        } finally {
            System.setErr(stderr);
        }
        String warning = log.toString(StandardCharsets.UTF_8);
        assertTrue(warning.contains("result journal segment " + file + " line 2: cannot read the record, skipped: "
                + "not a journal result record: bumps[2].count: "), warning);
    }
}
