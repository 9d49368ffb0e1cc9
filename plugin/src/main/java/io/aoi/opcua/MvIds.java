package io.aoi.opcua;

import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Numeric NodeIds of the official OPC 40100 MachineVision NodeSet ({@code Opc.Ua.MachineVision.NodeSet2.xml}) that
 * the server's code refers to, in the MachineVision namespace; {@link #id} puts one into the server's index.
 */
final class MvIds {
    static final String NAMESPACE_URI = "http://opcfoundation.org/UA/MachineVision";

    static final int VISION_SYSTEM_TYPE = 1003;
    static final int RESULT_READY_EVENT_TYPE = 1024;
    static final int RESULT_DATA_TYPE = 3006;

    // Default Binary encodings of the structures the server sends or receives
    static final int RESULT_ID_BINARY = 5274;
    static final int JOB_ID_BINARY = 5008;
    static final int RECIPE_ID_INTERNAL_BINARY = 5268;
    static final int RECIPE_ID_EXTERNAL_BINARY = 5002;
    static final int CONFIGURATION_ID_BINARY = 5090;
    static final int MEAS_ID_BINARY = 5006;
    static final int PART_ID_BINARY = 5013;
    static final int PRODUCT_ID_BINARY = 5224;
    static final int PROCESSING_TIMES_BINARY = 5016;
    static final int RESULT_BINARY = 5018;

    private MvIds() {
    }

    static NodeId id(int namespaceIndex, int numeric) {
        return new NodeId(namespaceIndex, numeric);
    }
}
