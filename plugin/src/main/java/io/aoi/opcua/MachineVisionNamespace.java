package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.EventListener;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.EventItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.model.objects.ServerTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * The OPC 40100 MachineVision namespace of one station: type nodes, Objects/&lt;stationId&gt; (VisionSystem) with
 * VisionStateMachine, RecipeManagement, ResultManagement and Diagnostics. ResultReady events have the VisionSystem as
 * source; event subscriptions on the VisionSystem receive them, and so do subscriptions on the Server object.
 * {@link #publish}, {@link #showDiagnostics} and {@link #setState} are thread-safe.
 */
final class MachineVisionNamespace extends ManagedNamespaceWithLifecycle {
    static final String NAMESPACE_URI = "http://opcfoundation.org/UA/MachineVision";

    private final StationIdentity identity;
    private final SubscriptionModel subscriptionModel;
    private final VisionStateMachineNodes stateMachine;
    private final RecipeNodes recipeNodes;
    private final ResultNodes resultNodes;
    private final DiagnosticsNodes diagnosticsNodes = new DiagnosticsNodes();
    private final Map<EventItem, EventListener> eventItems = new ConcurrentHashMap<>();
    private ResultReadyEvents events;
    private NodeId visionSystemId;

    MachineVisionNamespace(OpcUaServer server, StationIdentity identity, RecipeControl recipes, ResultQuery query,
            VisionControl control, RolePolicy policy) {
        super(server, NAMESPACE_URI);
        this.identity = identity;
        this.stateMachine = new VisionStateMachineNodes(control);
        this.recipeNodes = new RecipeNodes(recipes, policy);
        this.resultNodes = new ResultNodes(query, policy);
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
        getLifecycleManager().addStartupTask(() -> build(policy));
    }

    private void build(RolePolicy policy) {
        Nodes nodes = new Nodes(getNodeContext(), getNodeManager(), getNamespaceIndex().intValue());
        NodeId visionSystemType = nodes.objectType("VisionSystemType", NodeIds.BaseObjectType).getNodeId();
        NodeId stateMachineType = nodes.objectType("VisionStateMachineType", NodeIds.FiniteStateMachineType)
                .getNodeId();
        NodeId automaticModeType = nodes.objectType("VisionAutomaticModeStateMachineType",
                NodeIds.FiniteStateMachineType).getNodeId();
        NodeId recipeManagementType = nodes.objectType("RecipeManagementType", NodeIds.BaseObjectType).getNodeId();
        NodeId resultManagementType = nodes.objectType("ResultManagementType", NodeIds.BaseObjectType).getNodeId();
        events = new ResultReadyEvents(getServer(), nodes);
        events.declareType();

        String prefix = identity.stationId();
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

        stateMachine.build(nodes, vs, prefix, stateMachineType, automaticModeType, policy);
        recipeNodes.build(nodes, vs, prefix, recipeManagementType);
        resultNodes.build(nodes, vs, prefix, resultManagementType);
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

    void setState(VisionState s) {
        stateMachine.set(s);
    }

    VisionState state() {
        return stateMachine.get();
    }

    /** Shows recipe changes made outside OPC UA (for example by the station's own configuration reload). */
    void refreshRecipe() {
        recipeNodes.refresh();
    }

    @Override
    public void onDataItemsCreated(List<DataItem> items) {
        subscriptionModel.onDataItemsCreated(items);
    }

    @Override
    public void onDataItemsModified(List<DataItem> items) {
        subscriptionModel.onDataItemsModified(items);
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> items) {
        subscriptionModel.onDataItemsDeleted(items);
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> items) {
        subscriptionModel.onMonitoringModeChanged(items);
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
