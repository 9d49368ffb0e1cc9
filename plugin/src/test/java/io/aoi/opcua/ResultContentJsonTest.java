package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.InspectionResult;
import io.aoi.results.WireFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ResultContent JSON that MES clients parse (the node-opcua clients under {@code src/test/node} among them)
 * is, character for character, what the encoder before JSON data binding wrote for the same results
 * ({@code result-content-pre-jackson.jsonl}, from {@link WireFixtures}): field names, order, types and number
 * formatting.
 */
class ResultContentJsonTest {
    @Test
    void eachResultIsWrittenExactlyAsBefore() throws Exception {
        List<String> before = Files.readAllLines(
                Path.of("src/test/resources/io/aoi/results/result-content-pre-jackson.jsonl"));
        List<InspectionResult> results = WireFixtures.results();
        assertEquals(results.size(), before.size());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(before.get(i), ResultContentJson.of(results.get(i)), results.get(i).resultId());
        }
    }

    @Test
    void theContrastThresholdComesLastWhenKnownAndIsLeftOutWhenNot() throws Exception {
        InspectionResult ng = WireFixtures.results().get(1);
        String known = ResultContentJson.of(ng.toBuilder().contrastThreshold(0.0375).build());
        assertTrue(known.endsWith(",\"deblurFallback\":\"wiener\",\"contrastThreshold\":0.0375}"), known);
        assertTrue(!ResultContentJson.of(ng).contains("contrastThreshold"), ResultContentJson.of(ng));
    }

    @Test
    void aResultWithoutACreationTimeHasANullOne() throws Exception {
        InspectionResult r = WireFixtures.results().get(0).toBuilder().createdAt(null).build();
        String json = ResultContentJson.of(r);
        assertTrue(json.contains(",\"createdAt\":null,"), json);
    }
}
