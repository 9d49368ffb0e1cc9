package io.aoi.opcua.nodeset;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaDataTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaReferenceTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * Loads a NodeSet2 XML file (OPC UA Part 6, Annex F) into a Milo namespace: every UAObjectType, UAVariableType,
 * UADataType, UAReferenceType, UAObject, UAVariable and UAMethod becomes a node with the file's NodeId (re-indexed
 * to the server's namespace table), browse name, display name, description, attributes and references. DataTypes
 * get their DataTypeDefinition (StructureDefinition with inherited fields and the Default Binary encoding, or
 * EnumDefinition), so clients can decode the structures from the server alone. Values are decoded by
 * {@link NodeSetValues}; a value of an unsupported type is left empty and listed in {@link Loaded#skippedValues}.
 *
 * <p>Runs once, on the namespace's startup thread; the namespaces the file uses must already be registered.
 */
public final class NodeSetLoader {
    static final String NODESET_NS = "http://opcfoundation.org/UA/2011/03/UANodeSet.xsd";

    /**
     * What one load added.
     *
     * @param nodeCount     nodes created
     * @param skippedValues NodeIds whose {@code <Value>} was not decoded
     */
    public record Loaded(int nodeCount, List<NodeId> skippedValues) {
        public Loaded {
            skippedValues = List.copyOf(skippedValues);
        }
    }

    private record Field(String name, String dataType, int valueRank, boolean optional, String value,
            String description) {
    }

    private record DataTypeInfo(NodeId id, NodeId superType, List<NodeId> encodings, Element definition) {
    }

    private final UaNodeContext context;
    private final UaNodeManager nodeManager;
    private final EncodingContext encoding;

    public NodeSetLoader(UaNodeContext context, UaNodeManager nodeManager, EncodingContext encoding) {
        this.context = context;
        this.nodeManager = nodeManager;
        this.encoding = encoding;
    }

    /**
     * Reads and adds all nodes of the file.
     *
     * @param source name of the file for messages
     * @throws NodeSetException when the XML is unreadable or names an unknown namespace, alias or NodeId form
     */
    public Loaded load(InputStream in, String source) throws NodeSetException {
        Document doc = parse(in, source);
        Element root = doc.getDocumentElement();
        List<String> uris = new ArrayList<>();
        Element nsUris = NodeSetValues.child(root, "NamespaceUris");
        if (nsUris != null) {
            for (Element u : NodeSetValues.children(nsUris)) {
                uris.add(u.getTextContent().trim());
            }
        }
        Map<String, String> aliases = new HashMap<>();
        Element aliasesElement = NodeSetValues.child(root, "Aliases");
        if (aliasesElement != null) {
            for (Element a : NodeSetValues.children(aliasesElement)) {
                aliases.put(a.getAttribute("Alias"), a.getTextContent().trim());
            }
        }
        NodeSetIds ids = new NodeSetIds(uris, context.getNamespaceTable(), aliases, source);
        NodeSetValues values = new NodeSetValues(ids, encoding);

        List<NodeId> skipped = new ArrayList<>();
        Map<NodeId, QualifiedName> browseNames = new HashMap<>();
        Map<NodeId, DataTypeInfo> dataTypes = new LinkedHashMap<>();
        // both directions of every reference, once: the file lists most of them on both ends, some (to namespace 0)
        // only on its own end
        Set<Reference> references = new LinkedHashSet<>();
        int count = 0;
        for (Element e : NodeSetValues.children(root)) {
            String kind = e.getLocalName();
            if (!kind.startsWith("UA")) {
                continue;
            }
            NodeId id = ids.nodeId(e.getAttribute("NodeId"));
            QualifiedName bn = ids.browseName(e.getAttribute("BrowseName"));
            browseNames.put(id, bn);
            LocalizedText dn = localized(e, "DisplayName", bn.name());
            LocalizedText desc = localized(e, "Description", null);
            NodeId typeDefinition = null;
            NodeId superType = null;
            List<NodeId> encodings = new ArrayList<>();
            Element refs = NodeSetValues.child(e, "References");
            for (Element r : refs == null ? List.<Element>of() : NodeSetValues.children(refs)) {
                NodeId refType = ids.nodeId(r.getAttribute("ReferenceType"));
                NodeId target = ids.nodeId(r.getTextContent());
                boolean forward = !"false".equalsIgnoreCase(r.getAttribute("IsForward"));
                if (refType.equals(NodeIds.HasTypeDefinition) && forward) {
                    typeDefinition = target;
                    if (kind.equals("UAObject") || kind.equals("UAVariable")) {
                        continue;
                    }
                }
                if (refType.equals(NodeIds.HasSubtype) && !forward) {
                    superType = target;
                }
                if (refType.equals(NodeIds.HasEncoding) && forward) {
                    encodings.add(target);
                }
                references.add(new Reference(id, refType, target.expanded(), forward));
                references.add(new Reference(target, refType, id.expanded(), !forward));
            }
            UaNode node = switch (kind) {
                case "UAObjectType" -> new UaObjectTypeNode(context, id, bn, dn, desc, Unsigned.uint(0),
                        Unsigned.uint(0), bool(e, "IsAbstract"));
                case "UAVariableType" -> new UaVariableTypeNode(context, id, bn, dn, desc, Unsigned.uint(0),
                        Unsigned.uint(0), new DataValue(Variant.NULL_VALUE), dataType(e, ids), valueRank(e),
                        arrayDimensions(e), bool(e, "IsAbstract"));
                case "UADataType" -> new UaDataTypeNode(context, id, bn, dn, desc, Unsigned.uint(0), Unsigned.uint(0),
                        bool(e, "IsAbstract"));
                case "UAReferenceType" -> new UaReferenceTypeNode(context, id, bn, dn, desc, Unsigned.uint(0),
                        Unsigned.uint(0), bool(e, "IsAbstract"), bool(e, "Symmetric"),
                        localized(e, "InverseName", null));
                case "UAObject" -> new UaObjectNode.UaObjectNodeBuilder(context).setNodeId(id).setBrowseName(bn).setDisplayName(dn)
                        .setDescription(desc)
                        .setEventNotifier(Unsigned.ubyte(intAttr(e, "EventNotifier", 0)))
                        .setTypeDefinition(typeDefinition == null ? NodeIds.BaseObjectType : typeDefinition)
                        .build();
                case "UAVariable" -> variable(e, id, bn, dn, desc, typeDefinition, ids);
                case "UAMethod" -> new UaMethodNode(context, id, bn, dn, desc, Unsigned.uint(0), Unsigned.uint(0),
                        true, true);
                default -> throw new NodeSetException(source + ": node class " + kind + " of " + id
                        + " is not supported");
            };
            if (node instanceof UaVariableNode v) {
                Element valueElement = NodeSetValues.child(e, "Value");
                if (valueElement != null) {
                    Variant value = values.decode(valueElement);
                    if (value == null) {
                        skipped.add(id);
                    } else {
                        v.setValue(new DataValue(value));
                    }
                }
            }
            if (kind.equals("UADataType")) {
                dataTypes.put(id, new DataTypeInfo(id, superType, encodings, NodeSetValues.child(e, "Definition")));
            }
            nodeManager.addNode(node);
            count++;
        }
        for (Reference r : references) {
            nodeManager.addReference(r);
        }
        new DataTypeDefinitions(ids, nodeManager, browseNames, dataTypes.values().stream()
                .map(d -> new DataTypeDefinitions.Info(d.id(), d.superType(), d.encodings(), d.definition()))
                .toList()).apply();
        return new Loaded(count, skipped);
    }

    private UaVariableNode variable(Element e, NodeId id, QualifiedName bn, LocalizedText dn, LocalizedText desc,
            NodeId typeDefinition, NodeSetIds ids) throws NodeSetException {
        int accessLevel = intAttr(e, "AccessLevel", AccessLevel.toValue(AccessLevel.READ_ONLY).intValue());
        return new UaVariableNode.UaVariableNodeBuilder(context)
                .setNodeId(id)
                .setBrowseName(bn)
                .setDisplayName(dn)
                .setDescription(desc)
                .setDataType(dataType(e, ids))
                .setValueRank(valueRank(e))
                .setArrayDimensions(arrayDimensions(e))
                .setAccessLevel(Unsigned.ubyte(accessLevel))
                .setUserAccessLevel(Unsigned.ubyte(accessLevel))
                .setTypeDefinition(typeDefinition == null ? NodeIds.BaseDataVariableType : typeDefinition)
                .build();
    }

    private static NodeId dataType(Element e, NodeSetIds ids) throws NodeSetException {
        String dt = e.getAttribute("DataType");
        return dt.isEmpty() ? NodeIds.BaseDataType : ids.nodeId(dt);
    }

    private static int valueRank(Element e) {
        return intAttr(e, "ValueRank", -1);
    }

    private static UInteger[] arrayDimensions(Element e) {
        String dims = e.getAttribute("ArrayDimensions");
        if (dims.isEmpty()) {
            return null;
        }
        String[] parts = dims.split(",");
        UInteger[] out = new UInteger[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Unsigned.uint(Long.parseLong(parts[i].trim()));
        }
        return out;
    }

    private static boolean bool(Element e, String attribute) {
        return "true".equalsIgnoreCase(e.getAttribute(attribute));
    }

    private static int intAttr(Element e, String attribute, int defaultValue) {
        String v = e.getAttribute(attribute);
        return v.isEmpty() ? defaultValue : Integer.parseInt(v.trim());
    }

    private static LocalizedText localized(Element e, String child, String fallback) {
        Element c = NodeSetValues.child(e, child);
        if (c == null) {
            return fallback == null ? LocalizedText.NULL_VALUE : LocalizedText.english(fallback);
        }
        String locale = c.getAttribute("Locale");
        return new LocalizedText(locale.isEmpty() ? "" : locale, c.getTextContent().trim());
    }

    private static Document parse(InputStream in, String source) throws NodeSetException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            Document d = b.parse(in);
            if (!NODESET_NS.equals(d.getDocumentElement().getNamespaceURI())
                    || !"UANodeSet".equals(d.getDocumentElement().getLocalName())) {
                throw new NodeSetException(source + ": root element is " + d.getDocumentElement().getNodeName()
                        + "; expected UANodeSet in " + NODESET_NS);
            }
            return d;
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new NodeSetException(source + ": cannot read the NodeSet XML: " + e.getMessage(), e);
        }
    }
}
