package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.results.InspectionResult;
import io.aoi.results.SampleResults;
import io.aoi.results.Verdict;
import io.aoi.results.journal.ResultJournal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationServerDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DeblurSettings DEBLUR = new DeblurSettings(DeblurModel.UDBD, 2, ExecutionProvider.CPU, 2, 256, 16,
            Optional.empty(), 1.5, 0.01);

    @TempDir
    Path dir;

    private ResultJournal journal;
    private InMemoryRecipeControl recipes;
    private final List<String> controlCalls = new ArrayList<>();
    private StationServer server;
    private OpcUaClient client;
    private int ns;

    @BeforeEach
    void start() throws Exception {
        journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
        recipes = new InMemoryRecipeControl("R1", DEBLUR, s -> { });
        VisionControl control = new VisionControl() {
            @Override
            public void halt(String cause, String causeDescription) {
                controlCalls.add("halt:" + cause + ":" + causeDescription);
            }

            @Override
            public void reset() {
                controlCalls.add("reset");
            }

            @Override
            public void selectModeAutomatic() {
                controlCalls.add("automatic");
            }

            @Override
            public void startContinuous() {
                controlCalls.add("start");
            }

            @Override
            public void stop() {
                controlCalls.add("stop");
            }
        };
        server = StationServer.start(
                // anonymous is an operator by default; these tests drive the station, so the role is named
                new OpcUaSettings("127.0.0.1", 0, SecurityProfile.DEMO, List.of(), dir.resolve("pki"))
                        .withAnonymousRole(Role.ENGINEER),
                new StationIdentity("S1", "J1", "C1"), recipes, new JournalResultQuery(journal), control);
        client = TestClients.demo(server.endpointUrl());
        ns = client.getNamespaceTable().getIndex(MachineVisionNamespace.NAMESPACE_URI).intValue();
    }

    @AfterEach
    void stop() throws Exception {
        if (client != null) {
            client.disconnect();
        }
        server.close();
        server.close();
        journal.close();
    }

    private NodeId node(String path) {
        return new NodeId(ns, "S1/" + path);
    }

    private Object read(String path) throws Exception {
        return client.readValue(0, TimestampsToReturn.Neither, node(path)).value().value();
    }

    private CallMethodResult call(String object, String method, Variant... in) throws Exception {
        return client.call(List.of(new CallMethodRequest(node(object), node(method), in))).getResults()[0];
    }

    private StatusCode write(String path, Variant v) throws Exception {
        return client.writeValues(List.of(node(path)), List.of(new DataValue(v))).get(0);
    }

    private void publish(InspectionResult r) throws Exception {
        journal.append(r);
        server.accept(r);
    }

    @Test
    void listensOnTheChosenFreeLoopbackPort() {
        assertTrue(server.port() > 0);
        assertEquals("opc.tcp://127.0.0.1:" + server.port() + "/aoi", server.endpointUrl());
    }

    @Test
    void firesOneResultReadyEventWithAllMandatoryFieldsPerAcceptedResult() throws Exception {
        List<Variant[]> onServer = TestClients.newSink();
        List<Variant[]> onStation = TestClients.newSink();
        TestClients.subscribeEvents(client, NodeIds.Server, onServer, 50);
        TestClients.subscribeEvents(client, new NodeId(ns, "S1"), onStation, 50);
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        List<InspectionResult> sent = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            InspectionResult r = SampleResults.result(i, t0.plusSeconds(i));
            sent.add(r);
            publish(r);
        }
        assertEquals(6, TestClients.await(onServer, 6, 10_000), "events on the Server object");
        assertEquals(6, TestClients.await(onStation, 6, 10_000), "events on the VisionSystem object");
        Thread.sleep(300);
        assertEquals(6, onServer.size(), "exactly one event per result");
        for (int i = 0; i < sent.size(); i++) {
            InspectionResult r = sent.get(i);
            Variant[] v = onServer.get(i);
            assertEquals(new NodeId(ns, "S1"), v[2].value(), "SourceNode");
            assertEquals(Boolean.FALSE, v[3].value(), "IsPartial");
            assertEquals(r.outcome().resultState(), v[4].value(), "ResultState");
            assertEquals("R1", v[5].value(), "InternalRecipeId");
            assertEquals("C1", v[6].value(), "InternalConfigurationId");
            assertEquals("J1", v[7].value(), "JobId");
            assertEquals(r.resultId(), v[8].value(), "ResultId");
            assertEquals(r.createdAt(), ((DateTime) v[9].value()).getJavaInstant(), "CreationTime");
            assertArrayEquals(new Double[] {r.times().deblurMillis(), r.times().detectMillis(),
                r.times().totalMillis()}, (Double[]) v[10].value(), "ProcessingTimes");
            JsonNode content = JSON.readTree((String) v[11].value());
            assertEquals(r.resultId(), content.get("resultId").asText());
            assertEquals(r.frameId(), content.get("frameId").asLong());
            assertEquals(r.verdict().name(), content.get("verdict").asText());
            assertEquals(r.outcome().name(), content.get("outcome").asText());
            assertEquals(r.particleCount(), content.get("particleCount").asInt());
            assertEquals(r.bumps().size(), content.get("bumps").size());
            if (!r.bumps().isEmpty()) {
                assertEquals(r.bumps().get(2).count(), content.get("bumps").get(2).get("count").asInt());
                assertEquals(r.bumps().get(2).ok(), content.get("bumps").get(2).get("ok").asBoolean());
            }
        }
        InspectionResult last = sent.get(sent.size() - 1);
        assertEquals(last.resultId(), read("ResultManagement/LastResult/ResultId"));
        assertEquals(last.verdict().name(), read("ResultManagement/LastResult/Verdict"));
        assertEquals(last.particleCount(), read("ResultManagement/LastResult/ParticleCount"));
        assertEquals(last.frameId(), ((Number) read("ResultManagement/LastResult/FrameId")).longValue());
    }

    @Test
    void returnsStoredResultsByIdAndByFilter() throws Exception {
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        for (int i = 1; i <= 12; i++) {
            publish(SampleResults.result(i, t0.plusSeconds(i)));
        }
        CallMethodResult byId = call("ResultManagement", "ResultManagement/GetResultById", new Variant("S1-J1-4"));
        assertTrue(byId.getStatusCode().isGood(), byId.getStatusCode().toString());
        assertEquals(0, byId.getOutputArguments()[1].value());
        JsonNode r4 = JSON.readTree((String) byId.getOutputArguments()[0].value());
        assertEquals(4, r4.get("frameId").asInt());
        assertEquals(SampleResults.result(4, t0.plusSeconds(4)).particleCount(), r4.get("particleCount").asInt());

        CallMethodResult unknown = call("ResultManagement", "ResultManagement/GetResultById", new Variant("nope"));
        assertTrue(unknown.getStatusCode().isGood());
        assertEquals(ResultNodes.UNKNOWN_RESULT_ID, unknown.getOutputArguments()[1].value());

        CallMethodResult ng = call("ResultManagement", "ResultManagement/GetResultListFiltered",
                new Variant(new DateTime(t0)), new Variant(new DateTime(t0.plusSeconds(100))), new Variant("NG"),
                new Variant(100));
        assertTrue(ng.getStatusCode().isGood(), ng.getStatusCode().toString());
        String[] ngJson = (String[]) ng.getOutputArguments()[0].value();
        assertEquals(4, ngJson.length, "frames 3, 6, 9, 12 are NG");
        for (String s : ngJson) {
            assertEquals(Verdict.NG.name(), JSON.readTree(s).get("verdict").asText());
        }
        CallMethodResult window = call("ResultManagement", "ResultManagement/GetResultListFiltered",
                new Variant(new DateTime(t0.plusSeconds(2))), new Variant(new DateTime(t0.plusSeconds(5))),
                new Variant(""), new Variant(2));
        String[] two = (String[]) window.getOutputArguments()[0].value();
        assertEquals(2, two.length);
        assertEquals(2, JSON.readTree(two[0]).get("frameId").asInt());
        assertEquals(3, JSON.readTree(two[1]).get("frameId").asInt());

        CallMethodResult badVerdict = call("ResultManagement", "ResultManagement/GetResultListFiltered",
                new Variant(new DateTime(t0)), new Variant(new DateTime(t0)), new Variant("MAYBE"),
                new Variant(10));
        assertEquals(StatusCodes.Bad_InvalidArgument, badVerdict.getStatusCode().value());
        CallMethodResult badMax = call("ResultManagement", "ResultManagement/GetResultListFiltered",
                new Variant(new DateTime(t0)), new Variant(new DateTime(t0)), new Variant(""), new Variant(0));
        assertEquals(StatusCodes.Bad_OutOfRange, badMax.getStatusCode().value());
    }

    @Test
    void changesIterationsWhileRunningAndRefusesValuesOutOfRange() throws Exception {
        assertEquals(2, read("RecipeManagement/DeblurIterations"));
        assertEquals("udbd", read("RecipeManagement/DeblurModel"));
        assertEquals("R1-r0", read("RecipeManagement/PreparedRecipeId"));

        assertTrue(call("VisionStateMachine", "VisionStateMachine/SelectModeAutomatic").getStatusCode().isGood());
        assertTrue(call("VisionStateMachine/VisionAutomaticModeStateMachine",
                "VisionStateMachine/VisionAutomaticModeStateMachine/StartContinuous").getStatusCode().isGood());

        StatusCode ok = write("RecipeManagement/DeblurIterations", new Variant(3));
        assertTrue(ok.isGood(), ok.toString());
        assertEquals(3, recipes.settings().iterations());
        assertEquals(3, read("RecipeManagement/DeblurIterations"));
        assertEquals("R1-r1", read("RecipeManagement/PreparedRecipeId"));
        String[] audit = (String[]) read("RecipeManagement/AuditLog");
        assertEquals(1, audit.length);
        assertTrue(audit[0].endsWith("anonymous DeblurIterations 2 -> 3"), audit[0]);

        StatusCode tooMany = write("RecipeManagement/DeblurIterations", new Variant(7));
        assertEquals(StatusCodes.Bad_OutOfRange, tooMany.value());
        assertTrue(((String) read("RecipeManagement/LastChangeError")).contains("iterations = 7"),
                (String) read("RecipeManagement/LastChangeError"));
        StatusCode badModel = write("RecipeManagement/DeblurModel", new Variant("sharpen"));
        assertEquals(StatusCodes.Bad_InvalidArgument, badModel.value());
        assertTrue(((String) read("RecipeManagement/LastChangeError")).contains("none, wiener, udbd, udbd_acf, motion"));
        assertEquals(3, recipes.settings().iterations(), "refused writes change nothing");

        StatusCode model = write("RecipeManagement/DeblurModel", new Variant("wiener"));
        assertTrue(model.isGood(), model.toString());
        assertEquals(DeblurModel.WIENER, recipes.settings().model());
        assertEquals(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, server.state(), "still running");
    }

    @Test
    void drivesTheStateMachineThroughTheControlAndRefusesInvalidTransitions() throws Exception {
        assertEquals(LocalizedText.english("Preoperational"), read("VisionStateMachine/CurrentState"));
        CallMethodResult early = call("VisionStateMachine/VisionAutomaticModeStateMachine",
                "VisionStateMachine/VisionAutomaticModeStateMachine/StartContinuous");
        assertEquals(StatusCodes.Bad_InvalidState, early.getStatusCode().value());

        assertTrue(call("VisionStateMachine", "VisionStateMachine/SelectModeAutomatic").getStatusCode().isGood());
        assertEquals(LocalizedText.english("Operational"), read("VisionStateMachine/CurrentState"));
        assertEquals(LocalizedText.english("Ready"),
                read("VisionStateMachine/VisionAutomaticModeStateMachine/CurrentState"));
        assertTrue(call("VisionStateMachine/VisionAutomaticModeStateMachine",
                "VisionStateMachine/VisionAutomaticModeStateMachine/StartContinuous").getStatusCode().isGood());
        assertEquals(LocalizedText.english("ContinuousExecution"),
                read("VisionStateMachine/VisionAutomaticModeStateMachine/CurrentState"));
        assertTrue(call("VisionStateMachine/VisionAutomaticModeStateMachine",
                "VisionStateMachine/VisionAutomaticModeStateMachine/Stop").getStatusCode().isGood());
        assertTrue(call("VisionStateMachine", "VisionStateMachine/Halt", new Variant("operator"),
                new Variant("panel jam")).getStatusCode().isGood());
        assertEquals(LocalizedText.english("Halted"), read("VisionStateMachine/CurrentState"));
        assertTrue(call("VisionStateMachine", "VisionStateMachine/Reset").getStatusCode().isGood());
        assertEquals(VisionState.PREOPERATIONAL, server.state());
        assertEquals(List.of("automatic", "start", "stop", "halt:operator:panel jam", "reset"), controlCalls);

        server.setState(VisionState.ERROR);
        assertEquals(LocalizedText.english("Error"), read("VisionStateMachine/CurrentState"));
    }

    @Test
    void publishesDiagnostics() throws Exception {
        server.updateDiagnostics(new Diagnostics(4.5, 1, 2, 3, 7, 2, 900, 120.5, 8.25, 140.0, 100, 3, 7));
        assertEquals(4.5, read("Diagnostics/FramesPerSecond"));
        assertEquals(2, read("Diagnostics/QueueDepthDeblur"));
        assertEquals(7L, ((Number) read("Diagnostics/FramesDropped")).longValue());
        assertEquals(900L, ((Number) read("Diagnostics/StripsReceived")).longValue());
        assertEquals(120.5, read("Diagnostics/DeblurMillisAvg"));
        assertEquals(100L, ((Number) read("Diagnostics/ResultsCompleted")).longValue());
        assertFalse(read("Diagnostics/TotalMillisAvg") == null);
    }

    @Test
    void publishesTheFocusMonitor() throws Exception {
        assertTrue(Double.isNaN((Double) read("Diagnostics/DefocusSigmaPx")), "no estimate before the first one");

        server.updateFocus(2.75, 3);

        assertEquals(2.75, read("Diagnostics/DefocusSigmaPx"));
        assertEquals(3L, ((Number) read("Diagnostics/FocusDriftWarnings")).longValue());
    }
}
