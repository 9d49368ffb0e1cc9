package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.config.DeblurModel;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.RecipeSettings;
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
 * Runs {@code src/test/node/spec-client.js}, a node-opcua client that knows only the official MachineVision NodeSet
 * (loaded from the node-opcua-nodesets package): it must find the VisionSystem by its type MV;i=1003, every
 * mandatory member by the NodeSet's browse names, the NodeSet's method signatures, receive every ResultReady event
 * through MV;i=1024 with its structures decoded, and call every mandatory method with the spec's arguments.
 */
@RequiresNode
class NodeSpecClientTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void clientThatKnowsOnlyTheNodeSetFindsEverythingAndCallsEveryMandatoryMethod() throws Exception {
        TestClients.ClientCert cert = TestClients.newCert("node-spec");
        Path pki = dir.resolve("pki");
        cert.writeDer(pki.resolve("trusted").resolve("certs"), "node-spec.der");
        OpcUaSettings settings = new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, List.of(
                new UserAccount("eng", TestPasswords.hash("eng-pw"), Role.ENGINEER)), pki);
        Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
        InMemoryRecipeControl recipes = new InMemoryRecipeControl(List.of(
                new RecipeSettings("panel-a", DeblurModel.UDBD, 2), new RecipeSettings("panel-b", DeblurModel.NONE, 0)),
                StationServerDemoTest.DEBLUR);
        try (ResultJournal journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
             StationServer server = StationServer.start(settings, new StationIdentity("S1", "J1"), recipes,
                     new JournalResultQuery(journal))) {
            List<String> args = new ArrayList<>(List.of(server.endpointUrl(), "--expect", "3",
                    "--user", "eng", "--password", "eng-pw"));
            args.addAll(NodeClientProcess.certificateArgs(cert, dir));
            NodeClientProcess client = NodeClientProcess.start("spec-client.js", args);
            client.awaitReady();
            List<InspectionResult> sent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                InspectionResult r = SampleResults.stamped(i, t0.plusSeconds(i));
                journal.append(r);
                server.accept(r);
                sent.add(r);
            }
            JsonNode s = client.summary();

            assertEquals("S1", s.get("visionSystem").asText());
            assertEquals(List.of(), JSON.convertValue(s.get("missing"), List.class), "members missing");
            assertTrue(s.get("checkedMembers").asInt() > 50, s.get("checkedMembers").toString());
            assertEquals(List.of(), JSON.convertValue(s.get("signatureMismatches"), List.class),
                    "method signatures as the NodeSet declares them");
            assertEquals(14, s.get("checkedMethods").asInt(), "3 result + 1 handle + 3 recipe + 4 automatic mode + "
                    + "Halt, Reset, SelectModeAutomatic");
            assertEquals(3, s.get("events").size());
            for (int i = 0; i < 3; i++) {
                JsonNode e = s.get("events").get(i);
                InspectionResult r = sent.get(i);
                assertEquals(r.resultId(), e.get("resultId").asText());
                assertEquals("J1", e.get("jobId").asText());
                assertEquals(ResultStates.of(r.outcome(), r.verdict()), e.get("resultState").asInt());
                assertEquals("R1", e.get("internalRecipeId").asText());
                assertEquals("C1", e.get("internalConfigurationId").asText());
                assertEquals(r.createdAt(), Instant.parse(e.get("processingEnd").asText()));
                assertTrue(e.get("contentIsJson").asBoolean());
            }
            JsonNode calls = s.get("calls");
            for (String m : List.of("GetResultById", "GetResultComponentsById", "GetResultListFiltered",
                    "ReleaseResultHandle", "GetRecipeListFiltered", "UnprepareRecipe", "PrepareRecipe",
                    "SelectModeAutomatic", "StartSingleJob", "Abort", "StartContinuous", "Stop", "Halt", "Reset")) {
                assertEquals("Good", calls.get(m).get("status").asText(), m + ": " + calls.get(m));
                assertEquals(0, calls.get(m).get("error").asInt(), m + " Error output");
            }
            assertEquals(sent.get(0).resultId(), calls.get("GetResultById").get("resultId").asText());
            assertEquals("J1", calls.get("GetResultById").get("jobId").asText());
            assertEquals("R1", calls.get("GetResultComponentsById").get("internalRecipeId").asText());
            assertEquals(List.of("S1-J1-3", "S1-J1-2", "S1-J1-1"),
                    JSON.convertValue(calls.get("GetResultListFiltered").get("resultIds"), List.class));
            assertEquals(List.of("panel-a", "panel-b"),
                    JSON.convertValue(calls.get("GetRecipeListFiltered").get("recipes"), List.class));
            assertEquals("panel-a", calls.get("PrepareRecipe").get("internalIdOut").asText());
            assertEquals("J1", calls.get("StartSingleJob").get("jobId").asText());
            assertEquals("Preoperational", s.get("finalState").asText());
            assertEquals(2, recipes.audit().size(), "unprepare and prepare audited");
        }
    }
}
