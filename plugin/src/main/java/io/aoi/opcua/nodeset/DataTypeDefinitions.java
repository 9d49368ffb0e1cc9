package io.aoi.opcua.nodeset;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaDataTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.StructureType;
import org.eclipse.milo.opcua.stack.core.types.structured.EnumDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.EnumField;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureField;
import org.w3c.dom.Element;

/**
 * Sets the DataTypeDefinition attribute of the DataTypes a NodeSet defines: an EnumDefinition for subtypes of
 * Enumeration, a StructureDefinition (the supertype's fields first, then the file's; StructureWithOptionalFields when
 * any field is optional; the "Default Binary" encoding) for subtypes of Structure. Simple subtypes of built-in types
 * (a String or Int32 with another name) have no definition.
 */
final class DataTypeDefinitions {
    record Info(NodeId id, NodeId superType, List<NodeId> encodings, Element definition) {
    }

    private final NodeSetIds ids;
    private final UaNodeManager nodeManager;
    private final Map<NodeId, QualifiedName> browseNames;
    private final Map<NodeId, Info> infos = new HashMap<>();
    private final Map<NodeId, List<StructureField>> fieldsDone = new HashMap<>();

    DataTypeDefinitions(NodeSetIds ids, UaNodeManager nodeManager, Map<NodeId, QualifiedName> browseNames,
            List<Info> infos) {
        this.ids = ids;
        this.nodeManager = nodeManager;
        this.browseNames = browseNames;
        infos.forEach(i -> this.infos.put(i.id(), i));
    }

    void apply() throws NodeSetException {
        for (Info info : infos.values()) {
            if (!(nodeManager.getNode(info.id()).orElse(null) instanceof UaDataTypeNode node)) {
                continue;
            }
            if (isEnum(info)) {
                node.setDataTypeDefinition(enumDefinition(info));
            } else if (isStructure(info)) {
                List<StructureField> fields = fields(info);
                boolean optional = fields.stream().anyMatch(StructureField::getIsOptional);
                node.setDataTypeDefinition(new StructureDefinition(defaultBinary(info), baseType(info.superType()),
                        optional ? StructureType.StructureWithOptionalFields : StructureType.Structure,
                        fields.toArray(StructureField[]::new)));
            }
        }
    }

    private static NodeId baseType(NodeId superType) {
        return superType == null ? NodeIds.Structure : superType;
    }

    private boolean isEnum(Info info) {
        return NodeIds.Enumeration.equals(info.superType());
    }

    private boolean isStructure(Info info) {
        NodeId s = info.superType();
        while (s != null) {
            if (NodeIds.Structure.equals(s)) {
                return true;
            }
            Info parent = infos.get(s);
            s = parent == null ? null : parent.superType();
        }
        return false;
    }

    private NodeId defaultBinary(Info info) {
        for (NodeId e : info.encodings()) {
            QualifiedName bn = browseNames.get(e);
            if (bn != null && bn.name().equals("Default Binary")) {
                return e;
            }
        }
        return NodeId.NULL_VALUE;
    }

    private List<StructureField> fields(Info info) throws NodeSetException {
        List<StructureField> done = fieldsDone.get(info.id());
        if (done != null) {
            return done;
        }
        List<StructureField> out = new ArrayList<>();
        Info parent = info.superType() == null ? null : infos.get(info.superType());
        if (parent != null) {
            out.addAll(fields(parent));
        }
        if (info.definition() != null) {
            for (Element f : NodeSetValues.children(info.definition())) {
                if (!"Field".equals(f.getLocalName())) {
                    continue;
                }
                String dt = f.getAttribute("DataType");
                String rank = f.getAttribute("ValueRank");
                int valueRank = rank.isEmpty() ? -1 : Integer.parseInt(rank.trim());
                UInteger[] dims = valueRank == 1 ? new UInteger[] {Unsigned.uint(0)} : null;
                out.add(new StructureField(f.getAttribute("Name"), description(f),
                        dt.isEmpty() ? NodeIds.BaseDataType : ids.nodeId(dt), valueRank, dims, Unsigned.uint(0),
                        "true".equalsIgnoreCase(f.getAttribute("IsOptional"))));
            }
        }
        fieldsDone.put(info.id(), out);
        return out;
    }

    private EnumDefinition enumDefinition(Info info) {
        List<EnumField> out = new ArrayList<>();
        if (info.definition() != null) {
            for (Element f : NodeSetValues.children(info.definition())) {
                if ("Field".equals(f.getLocalName())) {
                    String name = f.getAttribute("Name");
                    out.add(new EnumField(Long.parseLong(f.getAttribute("Value").trim()),
                            LocalizedText.english(name), description(f), name));
                }
            }
        }
        return new EnumDefinition(out.toArray(EnumField[]::new));
    }

    private static LocalizedText description(Element field) {
        Element d = NodeSetValues.child(field, "Description");
        return d == null ? LocalizedText.NULL_VALUE : LocalizedText.english(d.getTextContent().trim());
    }
}
