package io.aoi.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.opcua.ResultContentJson;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The OPC 40100 ResultState of each kind of result, as the event and ResultContent carry it. */
class ResultStateTest {
    private static InspectionResult.Builder base() {
        return InspectionResult.builder().stationId("S1").jobId("J1").frameId(7).idFromParts()
                .createdAt(Instant.parse("2026-03-01T08:00:00Z"));
    }

    @Test
    void eachOutcomeAndVerdictMapsToTheDocumentedResultState() {
        assertEquals(1, base().outcome(Outcome.COMPLETED).verdict(Verdict.OK).build().resultState(), "Completed");
        assertEquals(1, base().outcome(Outcome.COMPLETED).verdict(Verdict.NG).build().resultState(), "Completed");
        assertEquals(4, base().outcome(Outcome.COMPLETED).verdict(Verdict.NO_DECISION).reason("blank frame").build()
                .resultState(), "no decision is Failed, never Completed");
        assertEquals(4, base().outcome(Outcome.FAILED).reason("x").build().resultState(), "Failed");
        assertEquals(3, base().outcome(Outcome.DROPPED).reason("x").build().resultState(), "Aborted");
        assertEquals(3, base().outcome(Outcome.INTERRUPTED).reason("x").build().resultState(), "Aborted");
    }

    @Test
    void noDecisionNeedsAReasonAndResultContentCarriesVerdictAndState() throws Exception {
        assertThrows(IllegalArgumentException.class,
                () -> base().outcome(Outcome.COMPLETED).verdict(Verdict.NO_DECISION).build());
        JsonNode o = new ObjectMapper().readTree(ResultContentJson.of(base().outcome(Outcome.COMPLETED)
                .verdict(Verdict.NO_DECISION).reason("no bump found in the frame").build()));
        assertEquals("NO_DECISION", o.get("verdict").asText());
        assertEquals(4, o.get("resultState").asInt());
        assertEquals("no bump found in the frame", o.get("reason").asText());
    }
}
