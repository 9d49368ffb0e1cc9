package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.UserAccount;
import io.aoi.results.InspectionResult;
import io.aoi.results.SampleResults;
import io.aoi.results.journal.ResultJournal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the independent node-opcua MES client {@code src/test/node/mes-client.js} against a production-profile
 * server: the MES user subscribes to ResultReady (MV;i=1024) on the Server object, decodes the spec structures,
 * calls GetResultById and the catch-up GetResultsInWindow; an operator's recipe write and result call are refused.
 */
@RequiresNode
class NodeMesClientTest {
    /** A station id with a dash, as in real line names, so the client must not split result ids naively. */
    private static final String STATION = "line-7";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void mesClientReceivesEventsAndResultsAndOperatorWriteIsRefused() throws Exception {
        TestClients.ClientCert cert = TestClients.newCert("node-mes");
        Path pki = dir.resolve("pki");
        cert.writeDer(pki.resolve("trusted").resolve("certs"), "node-mes.der");
        OpcUaSettings settings = new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, List.of(
                new UserAccount("op", TestPasswords.hash("op-pw"), Role.OPERATOR),
                new UserAccount("mes", TestPasswords.hash("mes-pw"), Role.MES)), pki);
        Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
        try (ResultJournal journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
             StationServer server = StationServer.start(settings, new StationIdentity(STATION, "J1"),
                     new InMemoryRecipeControl("R1", StationServerDemoTest.DEBLUR),
                     new JournalResultQuery(journal))) {
            List<String> args = new ArrayList<>(List.of(server.endpointUrl(), "--expect", "3",
                    "--from", t0.toString(), "--user", "mes", "--password", "mes-pw",
                    "--operator", "op", "--operator-password", "op-pw"));
            args.addAll(NodeClientProcess.certificateArgs(cert, dir));
            NodeClientProcess client = NodeClientProcess.start("mes-client.js", args);
            client.awaitReady();
            List<InspectionResult> sent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                InspectionResult r = SampleResults.stamped(STATION, i, t0.plusSeconds(i));
                journal.append(r);
                server.accept(r);
                sent.add(r);
            }
            JsonNode s = client.summary();

            assertEquals(3, s.get("events").size(), client.output());
            assertEquals(3, s.get("contentParsed").asInt());
            assertEquals(0, s.get("missingFields").size(), s.get("missingFields").toString());
            for (int i = 0; i < 3; i++) {
                JsonNode e = s.get("events").get(i);
                InspectionResult r = sent.get(i);
                assertEquals(r.resultId(), e.get("resultId").asText());
                assertEquals(ResultStates.of(r.outcome(), r.verdict()), e.get("resultState").asInt());
                assertEquals("J1", e.get("jobId").asText());
                assertEquals("C1", e.get("internalConfigurationId").asText());
                assertEquals("R1", e.get("internalRecipeId").asText());
                assertEquals(r.verdict().name(), e.get("content").get("verdict").asText());
                assertEquals("J1", e.get("content").get("jobId").asText());
                assertEquals(r.particleCount(), e.get("content").get("particleCount").asInt());
                assertEquals(r.bumps().size(), e.get("content").get("bumps").size());
                assertEquals(r.times().totalMillis(), e.get("processingDurationMillis").asDouble(), 1e-9);
                assertEquals(r.createdAt(), Instant.parse(e.get("creationTime").asText()));
            }
            JsonNode byId = s.get("getResultById");
            assertEquals("Good", byId.get("status").asText());
            assertEquals(0, byId.get("error").asInt());
            assertEquals(sent.get(0).resultId(), byId.get("resultId").asText());
            assertNotNull(byId.get("result"));
            assertEquals(sent.get(0).resultId(), byId.get("result").get("resultId").asText());
            JsonNode list = s.get("getResultsInWindow");
            assertEquals("Good", list.get("status").asText());
            assertEquals(List.of(STATION + "-J1-3", STATION + "-J1-2", STATION + "-J1-1"),
                    JSON.convertValue(list.get("resultIds"), List.class), "open-ended window, newest first");
            assertEquals("BadUserAccessDenied", s.get("operatorWrite").asText());
            assertEquals("BadUserAccessDenied", s.get("operatorGetResultById").asText());
        }
    }
}
