package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.camera.SourceState;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.RecipeSettings;
import io.aoi.config.SecurityProfile;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.results.InspectionResult;
import io.aoi.results.SampleResults;
import io.aoi.results.journal.ResultJournal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.core.types.DynamicStructType;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePath;
import org.eclipse.milo.opcua.stack.core.types.structured.BrowsePathResult;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePath;
import org.eclipse.milo.opcua.stack.core.types.structured.RelativePathElement;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StationServerDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final DeblurSettings DEBLUR = DeblurSettings.DEFAULTS.with(DeblurModel.UDBD, 2).withTiles(256, 16)
            .withWiener(1.5, 0.01);

    @TempDir
    Path dir;

    private ResultJournal journal;
    private InMemoryRecipeControl recipes;
    private final List<String> controlCalls = new ArrayList<>();
    private StationServer server;
    private OpcUaClient client;
    private int ns;
    private int mv;

    @BeforeEach
    void start() throws Exception {
        journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
        recipes = new InMemoryRecipeControl(List.of(new RecipeSettings("R1", DeblurModel.UDBD, 2),
                new RecipeSettings("R2", DeblurModel.WIENER, 0)), DEBLUR);
        VisionControl control = new VisionControl() {
            @Override
            public void halt(int cause, String causeDescription) {
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

            @Override
            public void startSingleJob() {
                controlCalls.add("single");
            }

            @Override
            public void abort() {
                controlCalls.add("abort");
            }
        };
        server = StationServer.start(
                // anonymous is an operator by default; these tests drive the station, so the role is named
                new OpcUaSettings("127.0.0.1", 0, SecurityProfile.DEMO, List.of(), dir.resolve("pki"))
                        .withAnonymousRole(Role.ENGINEER),
                new StationIdentity("S1", "J1"), recipes, new JournalResultQuery(journal), control);
        client = TestClients.demo(server.endpointUrl());
        ns = client.getNamespaceTable().getIndex(MachineVisionNamespace.NAMESPACE_URI).intValue();
        mv = TestClients.mv(client);
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

    private ExtensionObject resultId(String id) throws Exception {
        return TestClients.id(client, 3021, id);
    }

    private ExtensionObject recipeId(String id) throws Exception {
        return TestClients.id(client, 3013, id);
    }

    private Map<String, Object> members(Object eo) throws Exception {
        return TestClients.members(client, eo);
    }

    /** The spec's GetResultListFiltered with only JobId, MaxResults and StartIndex set. */
    private CallMethodResult listFiltered(int resultState, String jobId, long max, long start) throws Exception {
        Variant none = Variant.NULL_VALUE;
        return call("ResultManagement", "ResultManagement/GetResultListFiltered", new Variant(resultState), none,
                none, none, none, none, none, none,
                jobId == null ? none : new Variant(TestClients.id(client, 3016, jobId)),
                new Variant(Unsigned.uint(max)), new Variant(Unsigned.uint(start)), new Variant(1000));
    }

    private CallMethodResult window(DateTime from, DateTime to, String job, String verdict, long start, long max)
            throws Exception {
        return call("ResultManagement", "ResultManagement/GetResultsInWindow",
                from == null ? Variant.NULL_VALUE : new Variant(from), to == null ? Variant.NULL_VALUE : new Variant(to),
                new Variant(job), new Variant(verdict), new Variant(Unsigned.uint(start)),
                new Variant(Unsigned.uint(max)));
    }

    private static List<Long> frameIds(String[] json) throws Exception {
        List<Long> out = new ArrayList<>();
        for (String s : json) {
            out.add(JSON.readTree(s).get("frameId").asLong());
        }
        return out;
    }

    private CallMethodResult halt(int cause, String description) throws Exception {
        return call("VisionStateMachine", "VisionStateMachine/Halt", new Variant(cause), new Variant(description));
    }

    private CallMethodResult auto(String method, Variant... in) throws Exception {
        return call("VisionStateMachine/AutomaticModeStateMachine",
                "VisionStateMachine/AutomaticModeStateMachine/" + method, in);
    }

    private static Variant[] startArgs() {
        Variant none = Variant.NULL_VALUE;
        return new Variant[] {none, none, none, none, new Variant(new Variant[0])};
    }

    private static Variant[] causeArgs() {
        return new Variant[] {new Variant(0), new Variant("")};
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
    void servesTheOfficialTypesWithTheirNumericIdsAndStructureDefinitions() throws Exception {
        assertEquals(new QualifiedName(mv, "VisionSystemType"),
                client.getAddressSpace().getNode(TestClients.mvId(client, 1003)).getBrowseName());
        assertEquals("ResultReadyEventType",
                client.getAddressSpace().getNode(TestClients.mvId(client, 1024)).getBrowseName().name());
        DataValue def = client.read(0, TimestampsToReturn.Neither, List.of(new ReadValueId(
                TestClients.mvId(client, 3006), AttributeId.DataTypeDefinition.uid(), null,
                QualifiedName.NULL_VALUE))).getResults()[0];
        StructureDefinition sd = (StructureDefinition) ((ExtensionObject) def.value().value())
                .decode(client.getStaticEncodingContext());
        List<String> fields = java.util.Arrays.stream(sd.getFields()).map(StructureField::getName).toList();
        assertEquals(List.of("ResultId", "HasTransferableDataOnFile", "IsPartial", "IsSimulated", "ResultState",
                "MeasId", "PartId", "ExternalRecipeId", "InternalRecipeId", "ProductId", "ExternalConfigurationId",
                "InternalConfigurationId", "JobId", "CreationTime", "ProcessingTimes", "ResultContent"), fields);
        assertEquals(TestClients.mvId(client, 5018), sd.getDefaultEncodingId(), "Default Binary of ResultDataType");
        // an inherited structure: RecipeIdInternalDataType has BinaryIdBaseDataType's fields
        DataValue recipeDef = client.read(0, TimestampsToReturn.Neither, List.of(new ReadValueId(
                TestClients.mvId(client, 3013), AttributeId.DataTypeDefinition.uid(), null,
                QualifiedName.NULL_VALUE))).getResults()[0];
        StructureDefinition rd = (StructureDefinition) ((ExtensionObject) recipeDef.value().value())
                .decode(client.getStaticEncodingContext());
        assertEquals("Id", rd.getFields()[0].getName());
        assertEquals(5, rd.getFields().length);

        NodeId vs = new NodeId(ns, "S1");
        assertEquals(TestClients.mvId(client, 1003),
                client.getAddressSpace().getObjectNode(vs).getTypeDefinition().getNodeId());
        BrowsePathResult[] paths = client.translateBrowsePaths(List.of(
                path(vs, new QualifiedName(mv, "VisionStateMachine"), new QualifiedName(0, "CurrentState"),
                        new QualifiedName(0, "Id")),
                path(vs, new QualifiedName(mv, "VisionStateMachine"), new QualifiedName(mv, "AutomaticModeStateMachine"),
                        new QualifiedName(mv, "StartSingleJob")),
                path(vs, new QualifiedName(mv, "VisionStateMachine"), new QualifiedName(mv, "Preoperational")),
                path(vs, new QualifiedName(mv, "RecipeManagement"), new QualifiedName(mv, "PrepareRecipe")),
                path(vs, new QualifiedName(mv, "ResultManagement"), new QualifiedName(mv, "GetResultComponentsById")),
                path(vs, new QualifiedName(mv, "ResultManagement"), new QualifiedName(ns, "GetResultsInWindow")),
                path(vs, new QualifiedName(ns, "Diagnostics"))))
                .getResults();
        for (BrowsePathResult r : paths) {
            assertTrue(r.getStatusCode().isGood(), r.toString());
        }
        // the spec's signature, as the NodeSet declares it
        org.eclipse.milo.opcua.stack.core.types.structured.Argument[] haltIn =
                ((org.eclipse.milo.opcua.sdk.client.nodes.UaMethodNode) client.getAddressSpace()
                        .getNode(node("VisionStateMachine/Halt"))).readInputArgumentsAsync().get();
        assertEquals(List.of("Cause", "CauseDescription"), java.util.Arrays.stream(haltIn)
                .map(org.eclipse.milo.opcua.stack.core.types.structured.Argument::getName).toList());
        assertEquals(NodeIds.Int32, haltIn[0].getDataType());
    }

    private static BrowsePath path(NodeId start, QualifiedName... names) {
        RelativePathElement[] elements = new RelativePathElement[names.length];
        for (int i = 0; i < names.length; i++) {
            elements[i] = new RelativePathElement(NodeIds.HierarchicalReferences, false, true, names[i]);
        }
        return new BrowsePath(start, new RelativePath(elements));
    }

    @Test
    void aClientThatAsksForDayLongSubscriptionsAndThousandsOfItemsGetsTheStationsLimits() throws Exception {
        SubscriptionLimits limits = SubscriptionLimits.DEFAULTS;
        OpcUaSubscription greedy = new OpcUaSubscription(client);
        greedy.setLifetimeAndKeepAliveCalculated(false);
        greedy.setPublishingInterval(1e12);
        greedy.setLifetimeCount(Unsigned.uint(0xFFFF_FFFFL));
        greedy.setMaxKeepAliveCount(Unsigned.uint(1));
        greedy.create();
        double interval = greedy.getRevisedPublishingInterval().orElseThrow();
        long lifetime = greedy.getRevisedLifetimeCount().orElseThrow().longValue();
        assertEquals(limits.maxPublishingIntervalMillis(), interval, 1e-6, "publishing interval revised down");
        assertTrue(interval * lifetime <= limits.maxLifetimeMillis(),
                "a subscription nobody publishes for ends within the limit: " + interval + " ms x " + lifetime);

        List<OpcUaMonitoredItem> items = new ArrayList<>();
        for (int i = 0; i <= limits.maxItemsPerSession(); i++) {
            NodeId notifier = i % 2 == 0 ? NodeIds.Server : new NodeId(ns, "S1");
            OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(notifier, TestClients.resultReadyFilter(client));
            item.setQueueSize(Unsigned.uint(0xFFFF_FFFFL));
            items.add(item);
        }
        greedy.addMonitoredItems(items);
        greedy.createMonitoredItems();
        long created = items.stream().filter(m -> m.getCreateResult().orElseThrow().isGood()).count();
        assertEquals(limits.maxItemsPerSession(), created, "items past the session's limit are refused");
        for (OpcUaMonitoredItem m : items.subList(0, 2)) {
            assertEquals(limits.maxEventQueue(), m.getRevisedQueueSize().orElseThrow().intValue(),
                    "an event item's queue is capped, on the Server object and on the VisionSystem");
        }
        assertEquals(StatusCodes.Bad_TooManyMonitoredItems,
                items.get(items.size() - 1).getCreateResult().orElseThrow().value());

        for (int i = 1; i < limits.maxSubscriptionsPerSession(); i++) {
            new OpcUaSubscription(client).create();
        }
        UaException tooMany = assertThrows(UaException.class, () -> new OpcUaSubscription(client).create());
        assertEquals(StatusCodes.Bad_TooManySubscriptions, tooMany.getStatusCode().value());
    }

    @Test
    void firesOneResultReadyEventThroughTheOfficialTypeWithTheSpecDataTypes() throws Exception {
        List<Variant[]> onServer = TestClients.newSink();
        List<Variant[]> onStation = TestClients.newSink();
        TestClients.subscribeEvents(client, NodeIds.Server, onServer, 50);
        TestClients.subscribeEvents(client, new NodeId(ns, "S1"), onStation, 50);
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        List<InspectionResult> sent = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            InspectionResult r = SampleResults.stamped(i, t0.plusSeconds(i));
            sent.add(r);
            publish(r);
        }
        assertEquals(6, TestClients.await(onServer, 6, Duration.ofSeconds(10), "events on the Server object"),
                "events on the Server object");
        assertEquals(6, TestClients.await(onStation, 6, Duration.ofSeconds(10), "events on the VisionSystem object"),
                "events on the VisionSystem object");
        for (int i = 0; i < sent.size(); i++) {
            InspectionResult r = sent.get(i);
            Variant[] v = onServer.get(i);
            assertEquals(new NodeId(ns, "S1"), v[2].value(), "SourceNode");
            assertEquals(Boolean.FALSE, v[3].value(), "IsPartial");
            assertEquals(ResultStates.of(r.outcome(), r.verdict()), v[4].value(), "ResultState");
            assertEquals("R1", TestClients.idOf(client, v[5].value()), "InternalRecipeId");
            assertEquals("C1", TestClients.idOf(client, v[6].value()), "InternalConfigurationId");
            assertEquals("J1", TestClients.idOf(client, v[7].value()), "JobId");
            assertEquals(r.resultId(), TestClients.idOf(client, v[8].value()), "ResultId");
            assertEquals(r.createdAt(), ((DateTime) v[9].value()).getJavaInstant(), "CreationTime");
            Map<String, Object> times = members(v[10].value());
            assertEquals(r.createdAt(), ((DateTime) times.get("EndTime")).getJavaInstant(), "ProcessingTimes");
            assertEquals(r.times().totalMillis(), (Double) times.get("ProcessingDuration"), 1e-9);
            assertEquals(1, ((Object[]) v[11].value()).length, "ResultContent is one JSON string");
            JsonNode content = JSON.readTree(TestClients.resultContent(v[11]));
            assertEquals(r.resultId(), content.get("resultId").asText());
            assertEquals("J1", content.get("jobId").asText());
            assertEquals("R1", content.get("recipe").asText());
            assertEquals(r.verdict().name(), content.get("verdict").asText());
            assertEquals(r.particleCount(), content.get("particleCount").asInt());
            assertEquals(r.bumps().size(), content.get("bumps").size());
        }
        InspectionResult last = sent.get(sent.size() - 1);
        assertEquals(last.resultId(), read("ResultManagement/LastResult/ResultId"));
        assertEquals(last.verdict().name(), read("ResultManagement/LastResult/Verdict"));
        assertEquals(last.frameId(), ((Number) read("ResultManagement/LastResult/FrameId")).longValue());
    }

    @Test
    void answersTheSpecResultMethodsNewestFirstWithFiltersAndPaging() throws Exception {
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        for (int i = 1; i <= 12; i++) {
            InspectionResult r = SampleResults.stamped(i, t0.plusSeconds(i));
            if (i > 8) { // a later job, started with a changed station file
                r = r.toBuilder().jobId("J2").resultId(InspectionResult.resultId("S1", "J2", i))
                        .configurationId("C2").build();
            }
            publish(r);
        }
        CallMethodResult byId = call("ResultManagement", "ResultManagement/GetResultById",
                new Variant(resultId("S1-J1-4")), new Variant(1000));
        assertTrue(byId.getStatusCode().isGood(), byId.getStatusCode().toString());
        Variant[] out = byId.getOutputArguments();
        assertEquals(0, out[2].value(), "Error");
        Map<String, Object> r4 = members(out[1].value());
        assertEquals("S1-J1-4", ((DynamicStructType) r4.get("ResultId")).getMembers().get("Id"));
        assertEquals(1, r4.get("ResultState"));
        assertEquals("J1", ((DynamicStructType) r4.get("JobId")).getMembers().get("Id"));
        JsonNode json = JSON.readTree(TestClients.resultContent(new Variant(r4.get("ResultContent"))));
        assertEquals(4, json.get("frameId").asInt());
        long handle = ((Number) out[0].value()).longValue();
        assertTrue(handle > 0);
        CallMethodResult release = call("ResultManagement", "ResultManagement/ReleaseResultHandle",
                new Variant(Unsigned.uint(handle)));
        assertEquals(0, release.getOutputArguments()[0].value());
        CallMethodResult again = call("ResultManagement", "ResultManagement/ReleaseResultHandle",
                new Variant(Unsigned.uint(handle)));
        assertEquals(ResultNodes.UNKNOWN_HANDLE, again.getOutputArguments()[0].value());

        CallMethodResult text = call("ResultManagement", "ResultManagement/GetResultById",
                new Variant("S1-J1-4"), new Variant(1000));
        assertEquals(StatusCodes.Bad_InvalidArgument, text.getStatusCode().value(),
                "a String where the ResultIdDataType structure goes: " + text.getStatusCode());
        assertEquals(StatusCodes.Bad_TypeMismatch, text.getInputArgumentResults()[0].value());
        assertTrue(text.getInputArgumentResults()[1].isGood());

        CallMethodResult unknown = call("ResultManagement", "ResultManagement/GetResultById",
                new Variant(resultId("nope")), new Variant(0));
        assertTrue(unknown.getStatusCode().isGood());
        assertEquals(ResultNodes.UNKNOWN_RESULT_ID, unknown.getOutputArguments()[2].value());

        CallMethodResult parts = call("ResultManagement", "ResultManagement/GetResultComponentsById",
                new Variant(resultId("S1-J1-5")), new Variant(1000));
        Variant[] p = parts.getOutputArguments();
        assertEquals(17, p.length);
        assertEquals(3, p[4].value(), "a dropped frame is Aborted");
        assertEquals("R1", TestClients.idOf(client, p[8].value()));
        assertEquals("C1", TestClients.idOf(client, p[11].value()));
        assertEquals(t0.plusSeconds(5), ((DateTime) p[13].value()).getJavaInstant());
        assertEquals(0, p[16].value());

        CallMethodResult job2 = listFiltered(0, "J2", 0, 0);
        assertTrue(job2.getStatusCode().isGood(), job2.getStatusCode().toString());
        Object[] list = (Object[]) job2.getOutputArguments()[3].value();
        List<String> ids = new ArrayList<>();
        for (Object o : list) {
            ids.add((String) ((DynamicStructType) members(o).get("ResultId")).getMembers().get("Id"));
        }
        assertEquals(List.of("S1-J2-12", "S1-J2-11", "S1-J2-10", "S1-J2-9"), ids, "newest first");
        assertEquals(Boolean.TRUE, job2.getOutputArguments()[0].value(), "IsComplete");

        CallMethodResult page = listFiltered(0, "J1", 3, 2);
        assertEquals(3, ((Object[]) page.getOutputArguments()[3].value()).length);
        assertEquals(Boolean.FALSE, page.getOutputArguments()[0].value(), "8 J1 results, 3 from index 2");
        assertEquals(Unsigned.uint(3), page.getOutputArguments()[1].value());
        CallMethodResult aborted = listFiltered(3, null, 0, 0);
        assertEquals(1, ((Object[]) aborted.getOutputArguments()[3].value()).length, "frame 5 was dropped");

        // each stored result keeps the configuration it was made with, and the filter goes by it
        for (String configuration : List.of("C1", "C2")) {
            Variant none = Variant.NULL_VALUE;
            CallMethodResult byConfiguration = call("ResultManagement", "ResultManagement/GetResultListFiltered",
                    new Variant(0), none, none, none, none, none,
                    new Variant(TestClients.id(client, 3008, configuration)), none, none,
                    new Variant(Unsigned.uint(0)), new Variant(Unsigned.uint(0)), new Variant(1000));
            Object[] made = (Object[]) byConfiguration.getOutputArguments()[3].value();
            assertEquals(configuration.equals("C1") ? 8 : 4, made.length, configuration);
            for (Object o : made) {
                assertEquals(configuration, ((DynamicStructType) members(o).get("InternalConfigurationId"))
                        .getMembers().get("Id"));
            }
        }
        CallMethodResult laterJob = call("ResultManagement", "ResultManagement/GetResultComponentsById",
                new Variant(resultId("S1-J2-9")), new Variant(1000));
        assertEquals("C2", TestClients.idOf(client, laterJob.getOutputArguments()[11].value()));
    }

    @Test
    void catchUpWindowIsNewestFirstOpenEndedByJobAndRefusesAnEmptyWindow() throws Exception {
        Instant t0 = Instant.parse("2026-05-01T10:00:00Z");
        for (int i = 1; i <= 12; i++) {
            publish(SampleResults.stamped(i, t0.plusSeconds(i)));
        }
        CallMethodResult open = window(null, null, "", "", 0, 500);
        assertTrue(open.getStatusCode().isGood(), open.getStatusCode().toString());
        assertEquals(List.of(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L),
                frameIds((String[]) open.getOutputArguments()[0].value()));
        assertEquals(Unsigned.uint(12), open.getOutputArguments()[1].value());

        CallMethodResult since = window(new DateTime(t0.plusSeconds(10)), null, "J1", "", 0, 500);
        assertEquals(List.of(12L, 11L, 10L), frameIds((String[]) since.getOutputArguments()[0].value()));
        CallMethodResult ng = window(null, new DateTime(t0.plusSeconds(9)), "", "NG", 1, 2);
        assertEquals(List.of(6L, 3L), frameIds((String[]) ng.getOutputArguments()[0].value()));
        CallMethodResult otherJob = window(null, null, "J9", "", 0, 10);
        assertEquals(0, ((String[]) otherJob.getOutputArguments()[0].value()).length);

        CallMethodResult reversed = window(new DateTime(t0.plusSeconds(60)), new DateTime(t0), "", "", 0, 10);
        assertEquals(StatusCodes.Bad_InvalidArgument, reversed.getStatusCode().value());
        CallMethodResult badVerdict = window(null, null, "", "MAYBE", 0, 10);
        assertEquals(StatusCodes.Bad_InvalidArgument, badVerdict.getStatusCode().value());
        CallMethodResult anyCase = window(null, new DateTime(t0.plusSeconds(9)), "", "ng", 1, 2);
        assertEquals(List.of(6L, 3L), frameIds((String[]) anyCase.getOutputArguments()[0].value()),
                "VerdictFilter in any case");
        CallMethodResult badMax = window(null, null, "", "", 0, 0);
        assertEquals(StatusCodes.Bad_OutOfRange, badMax.getStatusCode().value());
    }

    @Test
    void preparesListsAndUnpreparesRecipesAndAuditsEachChange() throws Exception {
        Variant none = Variant.NULL_VALUE;
        CallMethodResult all = call("RecipeManagement", "RecipeManagement/GetRecipeListFiltered", none, none,
                new Variant(2), new Variant(Unsigned.uint(0)), new Variant(Unsigned.uint(0)), new Variant(0));
        assertTrue(all.getStatusCode().isGood(), all.getStatusCode().toString());
        List<String> names = new ArrayList<>();
        for (Object o : (Object[]) all.getOutputArguments()[3].value()) {
            names.add(TestClients.idOf(client, o));
        }
        assertEquals(List.of("R1", "R2"), names);
        CallMethodResult prepared = call("RecipeManagement", "RecipeManagement/GetRecipeListFiltered", none, none,
                new Variant(1), new Variant(Unsigned.uint(0)), new Variant(Unsigned.uint(0)), new Variant(0));
        assertEquals(1, ((Object[]) prepared.getOutputArguments()[3].value()).length);

        assertTrue(call("VisionStateMachine", "VisionStateMachine/SelectModeAutomatic").getStatusCode().isGood());
        assertEquals(LocalizedText.english("Ready"), read("VisionStateMachine/AutomaticModeStateMachine/CurrentState"));
        CallMethodResult unprep = call("RecipeManagement", "RecipeManagement/UnprepareRecipe", none,
                new Variant(recipeId("R1")));
        assertTrue(unprep.getStatusCode().isGood(), unprep.getStatusCode().toString());
        assertEquals(LocalizedText.english("Initialized"),
                read("VisionStateMachine/AutomaticModeStateMachine/CurrentState"));
        assertEquals("", read("RecipeManagement/PreparedRecipeId"));
        assertEquals(StatusCodes.Bad_InvalidState, auto("StartContinuous", startArgs()).getStatusCode().value(),
                "no recipe, no start");

        CallMethodResult unknown = call("RecipeManagement", "RecipeManagement/PrepareRecipe", none,
                new Variant(recipeId("R9")));
        assertEquals(StatusCodes.Bad_InvalidArgument, unknown.getStatusCode().value());
        CallMethodResult prep = call("RecipeManagement", "RecipeManagement/PrepareRecipe", none,
                new Variant(recipeId("R2")));
        assertTrue(prep.getStatusCode().isGood(), prep.getStatusCode().toString());
        assertEquals("R2", TestClients.idOf(client, prep.getOutputArguments()[0].value()));
        assertEquals(Boolean.TRUE, prep.getOutputArguments()[1].value(), "IsCompleted");
        assertEquals(DeblurModel.WIENER, recipes.settings().model());
        assertEquals(LocalizedText.english("Ready"), read("VisionStateMachine/AutomaticModeStateMachine/CurrentState"));
        String[] audit = (String[]) read("RecipeManagement/AuditLog");
        assertEquals(2, audit.length);
        assertTrue(audit[0].endsWith("anonymous PreparedRecipe R1 -> (none)"), audit[0]);
        assertTrue(audit[1].endsWith("anonymous PreparedRecipe (none) -> R2"), audit[1]);

        assertTrue(auto("StartContinuous", startArgs()).getStatusCode().isGood());
        CallMethodResult busy = call("RecipeManagement", "RecipeManagement/PrepareRecipe", none,
                new Variant(recipeId("R1")));
        assertEquals(StatusCodes.Bad_InvalidState, busy.getStatusCode().value(), "not while executing");
    }

    @Test
    void changesIterationsWhileRunningAndRefusesValuesOutOfRange() throws Exception {
        assertEquals(2, read("RecipeManagement/DeblurIterations"));
        assertEquals("udbd", read("RecipeManagement/DeblurModel"));
        assertEquals("R1-r0", read("RecipeManagement/PreparedRecipeId"));

        assertTrue(call("VisionStateMachine", "VisionStateMachine/SelectModeAutomatic").getStatusCode().isGood());
        assertTrue(auto("StartContinuous", startArgs()).getStatusCode().isGood());

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
        assertTrue(((String) read("RecipeManagement/LastChangeError")).contains("none, wiener, udbd, udbd_acf, udbd_acf_lite, motion"));
        assertEquals(3, recipes.settings().iterations(), "refused writes change nothing");

        StatusCode model = write("RecipeManagement/DeblurModel", new Variant("wiener"));
        assertTrue(model.isGood(), model.toString());
        assertEquals(DeblurModel.WIENER, recipes.settings().model());
        assertEquals(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, server.state(), "still running");
    }

    @Test
    void everyRefusedWriteShowsItsOwnReasonInLastChangeErrorAndAGoodOneClearsIt() throws Exception {
        assertEquals(StatusCodes.Bad_OutOfRange, write("RecipeManagement/DeblurIterations", new Variant(-1)).value());
        assertEquals("anonymous: DeblurIterations = -1 (Int32) refused with Bad_OutOfRange: iterations = -1 is not "
                + "allowed; allowed: an integer from 0 to 3", read("RecipeManagement/LastChangeError"));

        // the server's own data-type check used to refuse this before the recipe saw it, leaving the -1 text
        assertEquals(StatusCodes.Bad_TypeMismatch,
                write("RecipeManagement/DeblurIterations", new Variant(2.5)).value());
        assertEquals("anonymous: DeblurIterations = 2.5 (Double) refused with Bad_TypeMismatch: takes an Int32 from 0 "
                + "to 3",
                read("RecipeManagement/LastChangeError"));

        assertEquals(StatusCodes.Bad_TypeMismatch, write("RecipeManagement/DeblurModel", new Variant(5)).value());
        assertEquals("anonymous: DeblurModel = 5 (Int32) refused with Bad_TypeMismatch: takes a String, one of "
                + Deblurrers.names(), read("RecipeManagement/LastChangeError"));

        assertEquals(StatusCodes.Bad_TypeMismatch, write("RecipeManagement/DeblurModel", Variant.NULL_VALUE).value());
        assertTrue(((String) read("RecipeManagement/LastChangeError"))
                .startsWith("anonymous: DeblurModel = null (no value) refused with Bad_TypeMismatch"));

        assertEquals(StatusCodes.Bad_InvalidArgument, write("RecipeManagement/DeblurModel", new Variant("sharpen"))
                .value());
        assertEquals("anonymous: DeblurModel = 'sharpen' refused with Bad_InvalidArgument: no installed model has "
                + "this name; allowed: " + Deblurrers.names(), read("RecipeManagement/LastChangeError"));
        assertEquals(2, recipes.settings().iterations(), "refused writes change nothing");
        assertEquals(DeblurModel.UDBD, recipes.settings().model());
        assertEquals("R1-r0", read("RecipeManagement/PreparedRecipeId"));

        assertTrue(write("RecipeManagement/DeblurIterations", new Variant(1)).isGood());
        assertEquals("", read("RecipeManagement/LastChangeError"), "a good write clears the last refusal");
        assertEquals(1, recipes.settings().iterations());
    }

    @Test
    void drivesTheStateMachineWithTheSpecSignaturesAndShowsTheStateIds() throws Exception {
        assertEquals(LocalizedText.english("Preoperational"), read("VisionStateMachine/CurrentState"));
        assertEquals(node("VisionStateMachine/Preoperational"), read("VisionStateMachine/CurrentState/Id"));
        assertEquals(StatusCodes.Bad_InvalidState, auto("StartContinuous", startArgs()).getStatusCode().value());

        CallMethodResult select = call("VisionStateMachine", "VisionStateMachine/SelectModeAutomatic");
        assertTrue(select.getStatusCode().isGood());
        assertEquals(0, select.getOutputArguments()[0].value(), "Error");
        assertEquals(LocalizedText.english("Operational"), read("VisionStateMachine/CurrentState"));
        assertEquals(node("VisionStateMachine/Operational"), read("VisionStateMachine/CurrentState/Id"));
        assertEquals(TestClients.mvId(client, 5057), read("VisionStateMachine/AutomaticModeStateMachine/CurrentState/Id"),
                "Ready of VisionAutomaticModeStateMachineType");

        CallMethodResult single = auto("StartSingleJob", startArgs());
        assertTrue(single.getStatusCode().isGood(), single.getStatusCode().toString());
        assertEquals("J1", TestClients.idOf(client, single.getOutputArguments()[0].value()), "JobId");
        assertEquals(LocalizedText.english("SingleExecution"),
                read("VisionStateMachine/AutomaticModeStateMachine/CurrentState"));
        assertTrue(auto("Abort", causeArgs()).getStatusCode().isGood());
        CallMethodResult start = auto("StartContinuous", startArgs());
        assertTrue(start.getStatusCode().isGood());
        assertEquals(LocalizedText.english("ContinuousExecution"),
                read("VisionStateMachine/AutomaticModeStateMachine/CurrentState"));
        assertTrue(auto("Stop", causeArgs()).getStatusCode().isGood());
        assertEquals(StatusCodes.Bad_InvalidArgument, call("VisionStateMachine", "VisionStateMachine/Halt",
                new Variant("operator"), new Variant("panel jam")).getStatusCode().value(), "Cause is an Int32");
        assertTrue(halt(17, "panel jam").getStatusCode().isGood());
        assertEquals(LocalizedText.english("Halted"), read("VisionStateMachine/CurrentState"));
        String sub = ((LocalizedText) read("VisionStateMachine/AutomaticModeStateMachine/CurrentState")).text();
        assertTrue(sub == null || sub.isEmpty(), "no sub-state outside Operational: " + sub);
        assertTrue(call("VisionStateMachine", "VisionStateMachine/Reset", causeArgs()).getStatusCode().isGood());
        assertEquals(VisionState.PREOPERATIONAL, server.state());
        assertEquals(List.of("automatic", "single", "abort", "start", "stop", "halt:17:panel jam", "reset"),
                controlCalls);

        server.setState(VisionState.ERROR);
        assertEquals(LocalizedText.english("Error"), read("VisionStateMachine/CurrentState"));
    }

    @Test
    void aNodeNoRoleMayWriteIsNotWritableEvenForAnEngineer() throws Exception {
        // the session here is an engineer, who may write the recipe variables
        assertEquals(StatusCodes.Bad_NotWritable, write("Diagnostics/FramesPerSecond", new Variant(9.0)).value());
        assertEquals(StatusCodes.Bad_NotWritable, write("ResultManagement/LastResult/Verdict", new Variant("OK"))
                .value());
        StatusCode serverStatus = client.writeValues(List.of(NodeIds.Server_ServerStatus_State),
                List.of(new DataValue(new Variant(0)))).get(0);
        assertEquals(StatusCodes.Bad_NotWritable, serverStatus.value(), serverStatus.toString());
        assertTrue(write("RecipeManagement/DeblurIterations", new Variant(1)).isGood(), "the recipe stays writable");
    }

    @Test
    void publishesDiagnostics() throws Exception {
        assertEquals("starting", read("Diagnostics/SourceState"));
        server.updateDiagnostics(Diagnostics.EMPTY.withFramesPerSecond(4.5).withQueueDepthCapture(1)
                .withQueueDepthDeblur(2).withQueueDepthDetect(3).withFramesDropped(7).withStripsIncomplete(2)
                .withStripsReceived(900).withDeblurMillisAvg(120.5).withDetectMillisAvg(8.25).withTotalMillisAvg(140.0)
                .withResultsCompleted(100).withResultsFailed(3).withResultsDropped(7)
                .withSourceState(new SourceState.Lost("camera stopped answering (control lost)")));
        assertEquals(4.5, read("Diagnostics/FramesPerSecond"));
        assertEquals(2, read("Diagnostics/QueueDepthDeblur"));
        assertEquals(7L, ((Number) read("Diagnostics/FramesDropped")).longValue());
        assertEquals(900L, ((Number) read("Diagnostics/StripsReceived")).longValue());
        assertEquals(120.5, read("Diagnostics/DeblurMillisAvg"));
        assertEquals(100L, ((Number) read("Diagnostics/ResultsCompleted")).longValue());
        assertFalse(read("Diagnostics/TotalMillisAvg") == null);
        assertEquals("lost: camera stopped answering (control lost)", read("Diagnostics/SourceState"));
    }

    @Test
    void publishesTheFocusMonitor() throws Exception {
        assertTrue(Double.isNaN((Double) read("Diagnostics/DefocusSigmaPx")), "no estimate before the first one");

        server.updateFocus(2.75, 3);

        assertEquals(2.75, read("Diagnostics/DefocusSigmaPx"));
        assertEquals(3L, ((Number) read("Diagnostics/FocusDriftWarnings")).longValue());
    }
}
