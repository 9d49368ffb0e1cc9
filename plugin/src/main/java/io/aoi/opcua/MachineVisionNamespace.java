package io.aoi.opcua;

import io.aoi.opcua.nodeset.TypeInstantiator;
import io.aoi.results.InspectionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EventListener;
import org.eclipse.milo.opcua.sdk.server.Lifecycle;
import org.eclipse.milo.opcua.sdk.server.AddressSpace.WriteContext;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.EventItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * The station's namespace ({@value #NAMESPACE_URI}): Objects/&lt;stationId&gt;, an instance of the NodeSet's
 * VisionSystemType ({@code MV;i=1003}, loaded by {@link MvNodeSetNamespace}) built by {@link TypeInstantiator}
 * with every mandatory member plus RecipeManagement, ResultManagement (with ReleaseResultHandle), the
 * AutomaticModeStateMachine and SelectModeAutomatic; members keep the NodeSet's browse names (MachineVision
 * namespace, {@code 0:CurrentState}, {@code 0:Id}). The station's own nodes have browse names in this namespace:
 * Diagnostics, the recipe variables and AuditLog, LastResult and GetResultsInWindow. ResultReady events have the
 * VisionSystem as source; event subscriptions on the VisionSystem receive them, and so do subscriptions on the
 * Server object. {@link #publish}, {@link #showDiagnostics} and {@link #setState} are thread-safe.
 */
final class MachineVisionNamespace extends SubscribedNamespace {
    static final String NAMESPACE_URI = "urn:aoi:station";
    /** Optional members of VisionSystemType the station implements, by path. */
    private static final Set<String> OPTIONAL_MEMBERS = Set.of(RecipeNodes.PATH, ResultNodes.PATH,
            ResultNodes.PATH + "/ReleaseResultHandle", VisionStateMachineNodes.AUTO,
            VisionStateMachineNodes.MACHINE + "/SelectModeAutomatic");

    private final StationIdentity identity;
    private final RecipeControl recipes;
    private final VisionStateMachineNodes stateMachine;
    private final RecipeNodes recipeNodes;
    private final ResultNodes resultNodes;
    private final DiagnosticsNodes diagnosticsNodes = new DiagnosticsNodes();
    private final Map<EventItem, EventListener> eventItems = new ConcurrentHashMap<>();
    private ResultReadyEvents events;
    private NodeId visionSystemId;

    MachineVisionNamespace(OpcUaServer server, StationIdentity identity, RecipeControl recipes, ResultQuery query,
            VisionStateMachine machine, RolePolicy policy) {
        super(server, NAMESPACE_URI);
        this.identity = identity;
        this.recipes = recipes;
        this.stateMachine = new VisionStateMachineNodes(machine);
        this.recipeNodes = new RecipeNodes(recipes, policy);
        this.resultNodes = new ResultNodes(query, policy);
        // the NodeSet's types start (and stop) with this namespace, first: the instance is built from them
        MvNodeSetNamespace types = new MvNodeSetNamespace(server);
        getLifecycleManager().addLifecycle(new Lifecycle() {
            @Override
            public void startup() {
                types.startup();
            }

            @Override
            public void shutdown() {
                types.shutdown();
            }
        });
        getLifecycleManager().addStartupTask(() -> build(policy));
    }

    private void build(RolePolicy policy) {
        int ns = getNamespaceIndex().intValue();
        int mv = getServer().getNamespaceTable().getIndex(MvIds.NAMESPACE_URI).intValue();
        Nodes nodes = new Nodes(getNodeContext(), getNodeManager(), ns);
        MvStructs structs = new MvStructs(getServer().getStaticEncodingContext(), mv);
        events = new ResultReadyEvents(getServer(), ns, mv, structs);

        String prefix = identity.stationId();
        NodeId visionSystemType = MvIds.id(mv, MvIds.VISION_SYSTEM_TYPE);
        UaObjectNode vs = new UaObjectNode.UaObjectNodeBuilder(getNodeContext())
                .setNodeId(nodes.id(prefix))
                .setBrowseName(nodes.name(prefix))
                .setDisplayName(LocalizedText.english(prefix))
                .setTypeDefinition(visionSystemType)
                .setEventNotifier(Unsigned.ubyte(1))
                .build();
        getNodeManager().addNode(vs);
        nodes.link(NodeIds.ObjectsFolder, NodeIds.Organizes, vs);
        // The Server object notifies about the station's events (HasNotifier), so clients find them from there too.
        vs.addReference(new Reference(vs.getNodeId(), NodeIds.HasNotifier,
                NodeIds.Server.expanded(), false));
        visionSystemId = vs.getNodeId();
        Map<String, UaNode> instance = new TypeInstantiator(getNodeContext(), getNodeManager(),
                getServer().getAddressSpaceManager(), ns, OPTIONAL_MEMBERS::contains)
                .populate(vs, prefix, visionSystemType);

        StationMethods methods = new StationMethods(policy);
        stateMachine.bind(instance, mv, methods, structs, identity);
        recipeNodes.build(nodes, instance, prefix, methods, stateMachine, structs);
        resultNodes.build(nodes, instance, prefix, methods, structs, identity);
        diagnosticsNodes.build(nodes, vs, prefix);

        UaNode serverNode = getServer().getAddressSpaceManager().getManagedNode(NodeIds.Server).orElse(null);
        if (serverNode instanceof ServerTypeNode s) {
            s.setEventNotifier(Unsigned.ubyte(1));
        }
    }

    /** Updates LastResult and fires the ResultReady event. Called by the server's publishing thread. */
    void publish(InspectionResult r, Instant acceptedAt) throws UaException {
        resultNodes.showLast(r);
        events.fire(r, acceptedAt, visionSystemId, identity.stationId(), identity);
    }

    void showDiagnostics(Diagnostics d) {
        diagnosticsNodes.show(d);
    }

    void showFocus(double defocusSigmaPx, long focusDriftWarnings) {
        diagnosticsNodes.showFocus(defocusSigmaPx, focusDriftWarnings);
    }

    void showEventsDropped(long n) {
        diagnosticsNodes.showEventsDropped(n);
    }

    /**
     * Writes as the server does, except that a write {@link RecipeNodes#refuseEarly} refuses (wrong role, data type
     * or an index range on a recipe variable) is answered with its refusal, so its reason reaches LastChangeError.
     */
    @Override
    public List<StatusCode> write(WriteContext context, List<WriteValue> writeValues) {
        StatusCode[] results = new StatusCode[writeValues.size()];
        List<WriteValue> passed = new ArrayList<>();
        List<Integer> passedAt = new ArrayList<>();
        for (int i = 0; i < writeValues.size(); i++) {
            Optional<StatusCode> refused = recipeNodes.refuseEarly(context.getSession(), writeValues.get(i));
            if (refused.isPresent()) {
                results[i] = refused.get();
            } else {
                passed.add(writeValues.get(i));
                passedAt.add(i);
            }
        }
        List<StatusCode> written = passed.isEmpty() ? List.of() : super.write(context, passed);
        for (int k = 0; k < written.size(); k++) {
            results[passedAt.get(k)] = written.get(k);
        }
        return List.of(results);
    }

    void setState(VisionState s) {
        stateMachine.set(s);
    }

    VisionState state() {
        return stateMachine.get();
    }

    @Override
    public void onEventItemsCreated(List<EventItem> items) {
        for (EventItem item : items) {
            if (item.isSamplingEnabled()) {
                register(item);
            }
        }
    }

    @Override
    public void onEventItemsModified(List<EventItem> items) {
        for (EventItem item : items) {
            if (item.isSamplingEnabled()) {
                register(item);
            } else {
                unregister(item);
            }
        }
    }

    @Override
    public void onEventItemsDeleted(List<EventItem> items) {
        items.forEach(this::unregister);
    }

    /** Event items on the VisionSystem get the events whose source is the VisionSystem. */
    private void register(EventItem item) {
        eventItems.computeIfAbsent(item, i -> {
            EventListener l = event -> {
                if (visionSystemId != null && visionSystemId.equals(event.getSourceNode())) {
                    i.onEvent(event);
                }
            };
            getServer().getEventNotifier().register(l);
            return l;
        });
    }

    private void unregister(EventItem item) {
        EventListener l = eventItems.remove(item);
        if (l != null) {
            getServer().getEventNotifier().unregister(l);
        }
    }
}
