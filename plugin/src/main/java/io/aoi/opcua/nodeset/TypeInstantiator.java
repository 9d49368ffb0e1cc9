package io.aoi.opcua.nodeset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.AddressSpaceManager;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * Builds an instance of an ObjectType from its instance declarations, as OPC UA Part 3 describes: the members of the
 * type and of its supertypes (a subtype's declaration replaces its supertype's of the same browse name), and for
 * each member the members declared below it and those of its own type definition. Mandatory members are always
 * created; optional ones when {@code includeOptional} accepts their path; placeholders and members without a
 * modelling rule (the state and transition objects of a state machine type) are not. Instance nodes get string
 * NodeIds {@code <rootPath>/<browse name>/...} in the target namespace and the declarations' browse names, data
 * types, value ranks and initial values; methods get the declaration's InputArguments and OutputArguments.
 *
 * <p>Types are looked up through the server's address space, so declarations from namespace 0 (StateMachineType's
 * CurrentState and its Id) are instantiated too. Used once, at startup.
 */
public final class TypeInstantiator {
    private static final NodeId MANDATORY = NodeIds.ModellingRule_Mandatory;
    private static final NodeId OPTIONAL = NodeIds.ModellingRule_Optional;

    private final UaNodeContext context;
    private final UaNodeManager nodeManager;
    private final AddressSpaceManager addressSpace;
    private final int namespaceIndex;
    private final Predicate<String> includeOptional;
    private final Map<String, UaNode> created = new LinkedHashMap<>();

    /**
     * @param includeOptional gets the member's path relative to the instance ({@code VisionStateMachine/
     *                        AutomaticModeStateMachine}); true creates the optional member
     */
    public TypeInstantiator(UaNodeContext context, UaNodeManager nodeManager, AddressSpaceManager addressSpace,
            int namespaceIndex, Predicate<String> includeOptional) {
        this.context = context;
        this.nodeManager = nodeManager;
        this.addressSpace = addressSpace;
        this.namespaceIndex = namespaceIndex;
        this.includeOptional = includeOptional;
    }

    /**
     * Creates the members of {@code instance} (already added, of type {@code typeDefinition}) and returns every node
     * created, by path relative to the instance.
     */
    public Map<String, UaNode> populate(UaNode instance, String rootPath, NodeId typeDefinition) {
        created.clear();
        build(instance, rootPath, "", members(null, typeDefinition));
        return Map.copyOf(created);
    }

    private record Member(NodeId referenceType, UaNode declaration) {
    }

    private void build(UaNode parent, String idPath, String relPath, List<Member> members) {
        for (Member m : members) {
            UaNode d = m.declaration();
            String name = d.getBrowseName().name();
            String rel = relPath.isEmpty() ? name : relPath + "/" + name;
            NodeId rule = modellingRule(d);
            if (!(MANDATORY.equals(rule) || (OPTIONAL.equals(rule) && includeOptional.test(rel)))) {
                continue;
            }
            if (parent instanceof UaMethodNode && (name.equals("InputArguments") || name.equals("OutputArguments"))) {
                continue;
            }
            NodeId id = new NodeId(namespaceIndex, idPath + "/" + name);
            UaNode node = instance(d, id);
            if (node == null) {
                continue;
            }
            nodeManager.addNode(node);
            node.addReference(new Reference(node.getNodeId(), m.referenceType(), parent.getNodeId().expanded(),
                    false));
            created.put(rel, node);
            if (node instanceof UaMethodNode method && d instanceof UaMethodNode decl) {
                Argument[] in = decl.getInputArguments();
                Argument[] out = decl.getOutputArguments();
                if (in != null && in.length > 0) {
                    method.setInputArguments(in);
                }
                if (out != null && out.length > 0) {
                    method.setOutputArguments(out);
                }
            }
            build(node, idPath + "/" + name, rel, members(d, typeDefinition(d)));
        }
    }

    private UaNode instance(UaNode d, NodeId id) {
        if (d instanceof UaObjectNode o) {
            return new UaObjectNode.UaObjectNodeBuilder(context)
                    .setNodeId(id)
                    .setBrowseName(o.getBrowseName())
                    .setDisplayName(o.getDisplayName())
                    .setDescription(o.getDescription())
                    .setTypeDefinition(typeDefinition(d))
                    .build();
        }
        if (d instanceof UaVariableNode v) {
            UaVariableNode n = new UaVariableNode.UaVariableNodeBuilder(context)
                    .setNodeId(id)
                    .setBrowseName(v.getBrowseName())
                    .setDisplayName(v.getDisplayName())
                    .setDescription(v.getDescription())
                    .setDataType(v.getDataType())
                    .setValueRank(v.getValueRank())
                    .setArrayDimensions(v.getArrayDimensions())
                    .setAccessLevel(AccessLevel.toValue(AccessLevel.READ_ONLY))
                    .setUserAccessLevel(AccessLevel.toValue(AccessLevel.READ_ONLY))
                    .setTypeDefinition(typeDefinition(d))
                    .build();
            DataValue initial = v.getValue();
            n.setValue(initial == null ? new DataValue(Variant.NULL_VALUE) : new DataValue(initial.value()));
            return n;
        }
        if (d instanceof UaMethodNode m) {
            return new UaMethodNode(context, id, m.getBrowseName(), m.getDisplayName(), m.getDescription(),
                    Unsigned.uint(0), Unsigned.uint(0), true, true);
        }
        return null;
    }

    /**
     * The members of a declaration (its own children first) merged with those of its type and the type's
     * supertypes; {@code declaration} is null for the root.
     */
    private List<Member> members(UaNode declaration, NodeId type) {
        Map<QualifiedName, Member> out = new LinkedHashMap<>();
        if (declaration != null) {
            addChildren(declaration.getNodeId(), out);
        }
        NodeId t = type;
        while (t != null && !t.equals(NodeIds.BaseObjectType) && !t.equals(NodeIds.BaseVariableType)
                && !t.equals(NodeIds.BaseDataVariableType) && !t.equals(NodeIds.PropertyType)) {
            addChildren(t, out);
            t = superType(t);
        }
        return new ArrayList<>(out.values());
    }

    private void addChildren(NodeId of, Map<QualifiedName, Member> out) {
        for (Reference r : addressSpace.getManagedReferences(of)) {
            if (!r.isForward() || !isAggregate(r.getReferenceTypeId())) {
                continue;
            }
            Optional<NodeId> target = r.getTargetNodeId().toNodeId(context.getNamespaceTable());
            Optional<UaNode> child = target.flatMap(addressSpace::getManagedNode);
            if (child.isPresent()) {
                out.putIfAbsent(child.get().getBrowseName(), new Member(r.getReferenceTypeId(), child.get()));
            }
        }
    }

    private static boolean isAggregate(NodeId referenceType) {
        return referenceType.equals(NodeIds.HasComponent) || referenceType.equals(NodeIds.HasProperty)
                || referenceType.equals(NodeIds.HasOrderedComponent);
    }

    private NodeId superType(NodeId type) {
        for (Reference r : addressSpace.getManagedReferences(type)) {
            if (!r.isForward() && r.getReferenceTypeId().equals(NodeIds.HasSubtype)) {
                return r.getTargetNodeId().toNodeId(context.getNamespaceTable()).orElse(null);
            }
        }
        return null;
    }

    private NodeId typeDefinition(UaNode d) {
        for (Reference r : addressSpace.getManagedReferences(d.getNodeId())) {
            if (r.isForward() && r.getReferenceTypeId().equals(NodeIds.HasTypeDefinition)) {
                return r.getTargetNodeId().toNodeId(context.getNamespaceTable()).orElse(null);
            }
        }
        return d instanceof UaVariableNode ? NodeIds.BaseDataVariableType : NodeIds.BaseObjectType;
    }

    private NodeId modellingRule(UaNode d) {
        for (Reference r : addressSpace.getManagedReferences(d.getNodeId())) {
            if (r.isForward() && r.getReferenceTypeId().equals(NodeIds.HasModellingRule)) {
                return r.getTargetNodeId().toNodeId(context.getNamespaceTable()).orElse(null);
            }
        }
        return null;
    }
}
