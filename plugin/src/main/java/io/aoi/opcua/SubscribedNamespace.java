package io.aoi.opcua;

import java.util.List;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;

/**
 * A Milo namespace whose monitored items are sampled by a {@link SubscriptionModel}, which starts and stops with
 * the namespace; the data-item callbacks go to it. The station's namespaces extend this instead of repeating
 * the delegation.
 */
abstract class SubscribedNamespace extends ManagedNamespaceWithLifecycle {
    private final SubscriptionModel subscriptionModel;

    SubscribedNamespace(OpcUaServer server, String namespaceUri) {
        super(server, namespaceUri);
        this.subscriptionModel = new SubscriptionModel(server, this);
        getLifecycleManager().addLifecycle(subscriptionModel);
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
}
