package io.aoi.opcua;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * Builds and adds the station's own nodes: string NodeIds {@code <prefix>/<path>} and browse names in the station
 * namespace's index. Used once, at startup, on the namespace's startup thread.
 */
final class Nodes {
    private final UaNodeContext context;
    private final UaNodeManager nodeManager;
    private final int namespaceIndex;

    Nodes(UaNodeContext context, UaNodeManager nodeManager, int namespaceIndex) {
        this.context = context;
        this.nodeManager = nodeManager;
        this.namespaceIndex = namespaceIndex;
    }

    NodeId id(String path) {
        return new NodeId(namespaceIndex, path);
    }

    QualifiedName name(String browseName) {
        return new QualifiedName(namespaceIndex, browseName);
    }

    UaObjectNode object(UaNode parent, NodeId referenceType, String path, String browseName, NodeId typeDefinition) {
        UaObjectNode o = new UaObjectNode.UaObjectNodeBuilder(context)
                .setNodeId(id(path))
                .setBrowseName(name(browseName))
                .setDisplayName(LocalizedText.english(browseName))
                .setTypeDefinition(typeDefinition)
                .build();
        nodeManager.addNode(o);
        link(parent.getNodeId(), referenceType, o);
        return o;
    }

    UaVariableNode variable(UaNode parent, String path, String browseName, NodeId dataType, Variant initial,
            boolean array) {
        UaVariableNode v = new UaVariableNode.UaVariableNodeBuilder(context)
                .setNodeId(id(path))
                .setBrowseName(name(browseName))
                .setDisplayName(LocalizedText.english(browseName))
                .setDataType(dataType)
                .setValueRank(array ? ValueRanks.OneDimension : ValueRanks.Scalar)
                .setArrayDimensions(array ? new UInteger[] {Unsigned.uint(0)} : null)
                .setAccessLevel(AccessLevel.toValue(AccessLevel.READ_ONLY))
                .setUserAccessLevel(AccessLevel.toValue(AccessLevel.READ_ONLY))
                .setTypeDefinition(NodeIds.BaseDataVariableType)
                .build();
        v.setValue(new DataValue(initial));
        nodeManager.addNode(v);
        link(parent.getNodeId(), NodeIds.HasComponent, v);
        return v;
    }

    UaMethodNode method(UaNode parent, String path, String browseName, String description) {
        UaMethodNode m = UaMethodNode.builder(context)
                .setNodeId(id(path))
                .setBrowseName(name(browseName))
                .setDisplayName(LocalizedText.english(browseName))
                .setDescription(LocalizedText.english(description))
                .build();
        nodeManager.addNode(m);
        link(parent.getNodeId(), NodeIds.HasComponent, m);
        return m;
    }

    void link(NodeId parent, NodeId referenceType, UaNode child) {
        child.addReference(new Reference(child.getNodeId(), referenceType, parent.expanded(), false));
    }
}
