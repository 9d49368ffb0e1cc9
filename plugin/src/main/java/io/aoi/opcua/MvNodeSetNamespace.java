package io.aoi.opcua;

import io.aoi.opcua.nodeset.NodeSetException;
import io.aoi.opcua.nodeset.NodeSetLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.milo.opcua.sdk.core.types.codec.DynamicCodecFactory;
import org.eclipse.milo.opcua.sdk.core.typetree.DataType;
import org.eclipse.milo.opcua.sdk.core.typetree.DataTypeTree;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.StructureDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OPC 40100 MachineVision namespace ({@value MvIds#NAMESPACE_URI}) with exactly the nodes of the OPC
 * Foundation's {@code Opc.Ua.MachineVision.NodeSet2.xml} (shipped as a resource next to this class): its
 * ObjectTypes, VariableTypes, EventTypes, methods, DataTypes and encodings, under their numeric NodeIds. The
 * station's instance and its own nodes live in {@link MachineVisionNamespace}.
 */
final class MvNodeSetNamespace extends SubscribedNamespace {
    static final String RESOURCE = "Opc.Ua.MachineVision.NodeSet2.xml";
    private static final Logger LOG = LoggerFactory.getLogger(MvNodeSetNamespace.class);


    MvNodeSetNamespace(OpcUaServer server) {
        super(server, MvIds.NAMESPACE_URI);
        getLifecycleManager().addStartupTask(this::load);
    }

    private void load() {
        try (InputStream in = MvNodeSetNamespace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the plugin jar");
            }
            NodeSetLoader.Loaded loaded = new NodeSetLoader(getNodeContext(), getNodeManager(),
                    getServer().getStaticEncodingContext()).load(in, RESOURCE);
            LOG.debug("{}: {} nodes loaded; values not decoded (left empty): {}", RESOURCE, loaded.nodeCount(),
                    loaded.skippedValues());
            registerCodecs();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        } catch (NodeSetException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Rebuilds the server's type trees with the loaded types and registers a codec (built from the
     * DataTypeDefinition) for each MachineVision structure, so that the server can decode the structures clients
     * pass as method arguments.
     */
    private void registerCodecs() {
        OpcUaServer server = getServer();
        server.updateReferenceTypeTree();
        server.updateObjectTypeTree();
        server.updateVariableTypeTree();
        DataTypeTree tree = server.updateDataTypeTree();
        int ns = getNamespaceIndex().intValue();
        for (NodeId id : getNodeManager().getNodeIds()) {
            DataType dt = id.getNamespaceIndex().intValue() == ns ? tree.getDataType(id) : null;
            if (dt != null && dt.getDataTypeDefinition() instanceof StructureDefinition
                    && dt.getBinaryEncodingId() != null && !dt.getBinaryEncodingId().isNull()) {
                server.getStaticDataTypeManager().registerType(id, DynamicCodecFactory.create(dt, tree),
                        dt.getBinaryEncodingId(), dt.getXmlEncodingId(), dt.getJsonEncodingId());
            }
        }
    }
}
