package io.aoi.opcua;

import java.util.List;
import org.eclipse.milo.opcua.sdk.server.AddressSpace;
import org.eclipse.milo.opcua.sdk.server.AddressSpaceFilter;
import org.eclipse.milo.opcua.sdk.server.AddressSpaceFragment;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.AddNodesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.AddReferencesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteNodesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.DeleteReferencesItem;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateDetails;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.types.structured.ViewDescription;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;

/**
 * Caps the queue of every event monitored item at {@link SubscriptionLimits#maxEventQueue()}: registered first in the
 * server's address space manager, it answers only the revision of an event item's queue size (on creation and on
 * modification), for any notifier (the Server object, the VisionSystem), and leaves every other service to the
 * namespaces that own the nodes. Milo's own cap is 65,535 events an item, and its server configuration has no
 * knob for it. Stateless.
 */
final class EventQueueCap implements AddressSpaceFragment {
    private final UInteger max;

    EventQueueCap(SubscriptionLimits limits) {
        this.max = Unsigned.uint(limits.maxEventQueue());
    }

    @Override
    public RevisedEventItemParameters onCreateEventItem(ReadValueId readValueId, UInteger requestedQueueSize) {
        return new RevisedEventItemParameters(revise(requestedQueueSize));
    }

    @Override
    public RevisedEventItemParameters onModifyEventItem(ReadValueId readValueId, UInteger requestedQueueSize) {
        return new RevisedEventItemParameters(revise(requestedQueueSize));
    }

    /** The requested size, at least 1 and at most the cap. */
    UInteger revise(UInteger requested) {
        long r = Math.max(1, requested.longValue());
        return Unsigned.uint(Math.min(r, max.longValue()));
    }

    @Override
    public AddressSpaceFilter getFilter() {
        return new EventItemsOnly();
    }

    // never called: the filter claims nothing else; answered as for unknown nodes all the same

    @Override
    public List<DataValue> read(ReadContext context, Double maxAge, TimestampsToReturn timestamps,
            List<ReadValueId> readValueIds) {
        return readValueIds.stream().map(r -> new DataValue(new StatusCode(StatusCodes.Bad_NodeIdUnknown))).toList();
    }

    @Override
    public List<StatusCode> write(WriteContext context, List<WriteValue> writeValues) {
        return writeValues.stream().map(w -> new StatusCode(StatusCodes.Bad_NodeIdUnknown)).toList();
    }

    @Override
    public void onDataItemsCreated(List<DataItem> dataItems) {
    }

    @Override
    public void onDataItemsModified(List<DataItem> dataItems) {
    }

    @Override
    public void onDataItemsDeleted(List<DataItem> dataItems) {
    }

    @Override
    public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
    }

    @Override
    public List<ReferenceResult> browse(BrowseContext context, ViewDescription view, List<NodeId> nodeIds) {
        return nodeIds.stream().map(n -> (ReferenceResult) ReferenceResult.unknown()).toList();
    }

    @Override
    public ReferenceResult.ReferenceList gather(BrowseContext context, ViewDescription view, NodeId nodeId) {
        return ReferenceResult.of(List.of());
    }

    /** Claims the revision of event items' queue sizes and nothing else. */
    private static final class EventItemsOnly implements AddressSpaceFilter {
        @Override
        public boolean filterOnCreateEventItem(OpcUaServer server, ReadValueId readValueId) {
            return true;
        }

        @Override
        public boolean filterOnModifyEventItem(OpcUaServer server, ReadValueId readValueId) {
            return true;
        }

        @Override
        public boolean filterBrowse(OpcUaServer server, NodeId nodeId) {
            return false;
        }

        @Override
        public boolean filterRegisterNode(OpcUaServer server, NodeId nodeId) {
            return false;
        }

        @Override
        public boolean filterUnregisterNode(OpcUaServer server, NodeId nodeId) {
            return false;
        }

        @Override
        public boolean filterRead(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterWrite(OpcUaServer server, WriteValue writeValue) {
            return false;
        }

        @Override
        public boolean filterHistoryRead(OpcUaServer server, HistoryReadValueId historyReadValueId) {
            return false;
        }

        @Override
        public boolean filterHistoryUpdate(OpcUaServer server, HistoryUpdateDetails historyUpdateDetails) {
            return false;
        }

        @Override
        public boolean filterCall(OpcUaServer server, CallMethodRequest callMethodRequest) {
            return false;
        }

        @Override
        public boolean filterOnCreateDataItem(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnModifyDataItem(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnDataItemsCreated(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnDataItemsModified(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnDataItemsDeleted(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnEventItemsCreated(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnEventItemsModified(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnEventItemsDeleted(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterOnMonitoringModeChanged(OpcUaServer server, ReadValueId readValueId) {
            return false;
        }

        @Override
        public boolean filterAddNodes(OpcUaServer server, AddNodesItem addNodesItem) {
            return false;
        }

        @Override
        public boolean filterDeleteNodes(OpcUaServer server, DeleteNodesItem deleteNodesItem) {
            return false;
        }

        @Override
        public boolean filterAddReferences(OpcUaServer server, AddReferencesItem addReferencesItem) {
            return false;
        }

        @Override
        public boolean filterDeleteReferences(OpcUaServer server, DeleteReferencesItem deleteReferencesItem) {
            return false;
        }
    }
}
