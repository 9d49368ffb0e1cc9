package io.aoi.opcua.nodeset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.eclipse.milo.opcua.sdk.server.NodeManager;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.UaNodeManager;
import org.eclipse.milo.opcua.sdk.server.nodes.UaDataTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNodeContext;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.encoding.DefaultEncodingContext;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.enumerated.StructureType;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureField;
import org.junit.jupiter.api.Test;

/**
 * Loads the shipped OPC Foundation MachineVision NodeSet into a bare node manager (no server) and checks nodes,
 * ids, references, argument values and DataTypeDefinitions against what the file declares; and the errors for
 * files it cannot load.
 */
class NodeSetLoaderTest {
    private static final String MV = "http://opcfoundation.org/UA/MachineVision";
    /** The MV namespace gets index 3 here, not the file's 1, so re-indexing is exercised. */
    private static final int MV_INDEX = 3;

    private final UaNodeManager nodeManager = new UaNodeManager();
    private final NamespaceTable namespaces = new NamespaceTable("urn:test:a", "urn:test:b", MV);
    private final UaNodeContext context = new UaNodeContext() {
        @Override
        public OpcUaServer getServer() {
            throw new UnsupportedOperationException("no server in this test");
        }

        @Override
        public NodeManager<UaNode> getNodeManager() {
            return nodeManager;
        }

        @Override
        public NamespaceTable getNamespaceTable() {
            return namespaces;
        }
    };

    private NodeSetLoader.Loaded loadOfficial() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/io/aoi/opcua/Opc.Ua.MachineVision.NodeSet2.xml")) {
            return new NodeSetLoader(context, nodeManager, DefaultEncodingContext.INSTANCE).load(in, "mv.xml");
        }
    }

    private UaNode node(int id) {
        return nodeManager.getNode(new NodeId(MV_INDEX, id)).orElseThrow(() -> new AssertionError("no MV;i=" + id));
    }

    @Test
    void loadsEveryNodeOfTheOfficialFileWithItsNumericIdsReferencesAndValues() throws Exception {
        NodeSetLoader.Loaded loaded = loadOfficial();
        assertEquals(790, loaded.nodeCount(), "UA* elements in Opc.Ua.MachineVision.NodeSet2.xml 1.0.0");

        UaObjectTypeNode vst = assertInstanceOf(UaObjectTypeNode.class, node(1003));
        assertEquals(new QualifiedName(MV_INDEX, "VisionSystemType"), vst.getBrowseName());
        assertTrue(nodeManager.getReferences(vst.getNodeId()).stream().anyMatch(r -> r.isInverse()
                && r.getReferenceTypeId().equals(NodeIds.HasSubtype)
                && r.getTargetNodeId().equals(NodeIds.BaseObjectType.expanded())), "VisionSystemType < BaseObjectType");
        assertTrue(nodeManager.getReferences(NodeIds.BaseEventType).stream().anyMatch(r -> r.isForward()
                && r.getReferenceTypeId().equals(NodeIds.HasSubtype)
                && r.getTargetNodeId().equals(new NodeId(MV_INDEX, 1024).expanded())),
                "the inverse end is there too: BaseEventType has subtype ResultReadyEventType");

        // ResultManagementType's GetResultById (i=7026): arguments decoded from the XML ExtensionObjects
        UaMethodNode byId = assertInstanceOf(UaMethodNode.class, node(7026));
        Argument[] in = arguments(byId, "InputArguments");
        assertEquals(List.of("ResultId", "Timeout"), Arrays.stream(in).map(Argument::getName).toList());
        assertEquals(new NodeId(MV_INDEX, 3021), in[0].getDataType(), "ResultIdDataType, re-indexed");
        assertEquals(NodeIds.Int32, in[1].getDataType());
        assertEquals(List.of("ResultHandle", "Result", "Error"),
                Arrays.stream(arguments(byId, "OutputArguments")).map(Argument::getName).toList());

        StructureDefinition result = (StructureDefinition) ((UaDataTypeNode) node(3006)).getDataTypeDefinition();
        assertEquals(StructureType.StructureWithOptionalFields, result.getStructureType());
        assertEquals(16, result.getFields().length);
        assertEquals(new NodeId(MV_INDEX, 5018), result.getDefaultEncodingId());
        StructureField content = result.getFields()[15];
        assertEquals("ResultContent", content.getName());
        assertEquals(NodeIds.BaseDataType, content.getDataType());
        assertEquals(1, content.getValueRank());
        StructureDefinition recipeId = (StructureDefinition) ((UaDataTypeNode) node(3013)).getDataTypeDefinition();
        assertEquals(List.of("Id", "Version", "Hash", "HashAlgorithm", "Description"),
                Arrays.stream(recipeId.getFields()).map(StructureField::getName).toList(),
                "inherited from BinaryIdBaseDataType");
        assertEquals(new NodeId(MV_INDEX, 3019), recipeId.getBaseDataType());
    }

    /** The method's argument property, decoded here (the loader stored encoded Arguments). */
    private Argument[] arguments(UaMethodNode method, String property) {
        UaVariableNode p = nodeManager.getReferences(method.getNodeId()).stream()
                .filter(r -> r.isForward() && r.getReferenceTypeId().equals(NodeIds.HasProperty))
                .map(r -> nodeManager.getNode(r.getTargetNodeId(), namespaces).orElseThrow())
                .filter(n -> n.getBrowseName().name().equals(property)).map(UaVariableNode.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError(method.getBrowseName() + " lacks " + property));
        return Arrays.stream((ExtensionObject[]) p.getValue().value().value())
                .map(eo -> (Argument) eo.decode(DefaultEncodingContext.INSTANCE)).toArray(Argument[]::new);
    }

    private static InputStream xml(String body) {
        return new ByteArrayInputStream(("<UANodeSet xmlns=\"http://opcfoundation.org/UA/2011/03/UANodeSet.xsd\">"
                + "<NamespaceUris><Uri>" + MV + "</Uri></NamespaceUris>" + body + "</UANodeSet>")
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void namesTheFileAndWhatIsWrongWhenItCannotLoad() {
        NodeSetLoader loader = new NodeSetLoader(context, nodeManager, DefaultEncodingContext.INSTANCE);
        NodeSetException notXml = assertThrows(NodeSetException.class, () -> loader.load(
                new ByteArrayInputStream("not xml".getBytes(StandardCharsets.UTF_8)), "broken.xml"));
        assertTrue(notXml.getMessage().startsWith("broken.xml: cannot read the NodeSet XML"), notXml.getMessage());

        NodeSetException alias = assertThrows(NodeSetException.class, () -> loader.load(xml(
                "<UAVariable NodeId=\"ns=1;i=1\" BrowseName=\"1:X\" DataType=\"NoSuchAlias\"/>"), "alias.xml"));
        assertEquals("alias.xml: 'NoSuchAlias' is neither a NodeId nor a known alias", alias.getMessage());

        NodeSetException index = assertThrows(NodeSetException.class, () -> loader.load(xml(
                "<UAObject NodeId=\"ns=2;i=1\" BrowseName=\"2:X\"/>"), "index.xml"));
        assertEquals("index.xml: 'ns=2;i=1' uses namespace index 2; the file declares 1 namespace(s)",
                index.getMessage());

        NamespaceTable bare = new NamespaceTable();
        UaNodeContext noMv = new UaNodeContext() {
            @Override
            public OpcUaServer getServer() {
                throw new UnsupportedOperationException("the loader needs no server");
            }

            @Override
            public NodeManager<UaNode> getNodeManager() {
                return nodeManager;
            }

            @Override
            public NamespaceTable getNamespaceTable() {
                return bare;
            }
        };
        NodeSetException unregistered = assertThrows(NodeSetException.class, () -> new NodeSetLoader(noMv,
                nodeManager, DefaultEncodingContext.INSTANCE).load(xml(""), "mv.xml"));
        assertEquals("mv.xml: namespace " + MV + " is not registered in the server; register it before loading",
                unregistered.getMessage());
    }
}
