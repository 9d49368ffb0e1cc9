package io.aoi.opcua.nodeset;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.EnumValueType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decodes the {@code <Value>} of a NodeSet2 variable (the OPC UA XML encoding, namespace
 * {@code http://opcfoundation.org/UA/2008/02/Types.xsd}). Supported: Boolean, (U)Int16/32, String, DateTime,
 * ByteString, LocalizedText, their ListOf forms, and ExtensionObjects holding Argument or EnumValueType (what type
 * NodeSets put into InputArguments, OutputArguments and EnumValues). Anything else is left without a value
 * ({@link #decode} returns null) and the caller reports it.
 */
final class NodeSetValues {
    static final String TYPES_NS = "http://opcfoundation.org/UA/2008/02/Types.xsd";
    private static final NodeId ARGUMENT_XML_ENCODING = new NodeId(0, 297);
    private static final NodeId ENUM_VALUE_XML_ENCODING = new NodeId(0, 7616);

    private final NodeSetIds ids;
    private final EncodingContext encoding;

    NodeSetValues(NodeSetIds ids, EncodingContext encoding) {
        this.ids = ids;
        this.encoding = encoding;
    }

    /** The value inside a {@code <Value>} element, or null when its type is not supported. */
    Variant decode(Element valueElement) throws NodeSetException {
        Element v = firstChild(valueElement);
        if (v == null) {
            return null;
        }
        String type = v.getLocalName();
        if (type.startsWith("ListOf")) {
            List<Object> items = new ArrayList<>();
            String itemType = type.substring("ListOf".length());
            for (Element item : children(v)) {
                Object o = scalar(itemType, item);
                if (o == null) {
                    return null;
                }
                items.add(o);
            }
            return array(itemType, items);
        }
        Object o = scalar(type, v);
        return o == null ? null : new Variant(o);
    }

    private Variant array(String itemType, List<Object> items) {
        return switch (itemType) {
            case "Boolean" -> new Variant(items.toArray(Boolean[]::new));
            case "Int16" -> new Variant(items.toArray(Short[]::new));
            case "Int32" -> new Variant(items.toArray(Integer[]::new));
            case "UInt32" -> new Variant(items.toArray(UInteger[]::new));
            case "String" -> new Variant(items.toArray(String[]::new));
            case "LocalizedText" -> new Variant(items.toArray(LocalizedText[]::new));
            case "ExtensionObject" -> new Variant(items.toArray(ExtensionObject[]::new));
            default -> new Variant(items.toArray());
        };
    }

    private Object scalar(String type, Element e) throws NodeSetException {
        String text = e.getTextContent() == null ? "" : e.getTextContent().trim();
        return switch (type) {
            case "Boolean" -> Boolean.parseBoolean(text);
            case "Int16" -> Short.parseShort(text);
            case "UInt16" -> Unsigned.ushort(Integer.parseInt(text));
            case "Int32", "Int" -> Integer.parseInt(text);
            case "UInt32", "UInt" -> Unsigned.uint(Long.parseLong(text));
            case "String" -> text;
            case "DateTime" -> new DateTime(java.time.Instant.parse(text));
            case "ByteString" -> ByteString.of(Base64.getMimeDecoder().decode(text));
            case "LocalizedText" -> localizedText(e);
            case "ExtensionObject" -> extensionObject(e);
            default -> null;
        };
    }

    private Object extensionObject(Element e) throws NodeSetException {
        Element typeId = child(e, "TypeId");
        Element body = child(e, "Body");
        if (typeId == null || body == null) {
            return null;
        }
        NodeId encodingId = ids.nodeId(child(typeId, "Identifier").getTextContent());
        Element content = firstChild(body);
        if (encodingId.equals(ARGUMENT_XML_ENCODING) && content != null) {
            return ExtensionObject.encode(encoding, argument(content));
        }
        if (encodingId.equals(ENUM_VALUE_XML_ENCODING) && content != null) {
            return ExtensionObject.encode(encoding, enumValue(content));
        }
        return null;
    }

    /** An {@code <Argument>} body. */
    Argument argument(Element a) throws NodeSetException {
        Element dt = child(a, "DataType");
        NodeId dataType = dt == null ? NodeIds.BaseDataType : ids.nodeId(child(dt, "Identifier").getTextContent());
        Element rank = child(a, "ValueRank");
        int valueRank = rank == null ? -1 : Integer.parseInt(rank.getTextContent().trim());
        UInteger[] dims = null;
        Element dimsElement = child(a, "ArrayDimensions");
        if (dimsElement != null) {
            List<UInteger> d = new ArrayList<>();
            for (Element x : children(dimsElement)) {
                d.add(Unsigned.uint(Long.parseLong(x.getTextContent().trim())));
            }
            dims = d.isEmpty() ? null : d.toArray(UInteger[]::new);
        }
        if (dims == null && valueRank == 1) {
            dims = new UInteger[] {Unsigned.uint(0)};
        }
        Element desc = child(a, "Description");
        return new Argument(text(child(a, "Name")), dataType, valueRank, dims,
                desc == null ? LocalizedText.NULL_VALUE : localizedText(desc));
    }

    private EnumValueType enumValue(Element e) {
        Element value = child(e, "Value");
        Element dn = child(e, "DisplayName");
        Element desc = child(e, "Description");
        return new EnumValueType(value == null ? 0L : Long.parseLong(value.getTextContent().trim()),
                dn == null ? LocalizedText.NULL_VALUE : localizedText(dn),
                desc == null ? LocalizedText.NULL_VALUE : localizedText(desc));
    }

    private static LocalizedText localizedText(Element e) {
        Element t = child(e, "Text");
        Element l = child(e, "Locale");
        if (t == null) {
            return LocalizedText.english(e.getTextContent() == null ? "" : e.getTextContent().trim());
        }
        return new LocalizedText(l == null ? "" : text(l), text(t));
    }

    private static String text(Element e) {
        return e == null || e.getTextContent() == null ? "" : e.getTextContent().trim();
    }

    static Element child(Element parent, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element firstChild(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        return null;
    }
}
