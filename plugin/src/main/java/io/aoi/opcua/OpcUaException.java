package io.aoi.opcua;

/** The one checked exception of the OPC UA server boundary; the message names what failed (port, PKI file, ...). */
public final class OpcUaException extends Exception {
    private static final long serialVersionUID = 1L;

    public OpcUaException(String message, Throwable cause) {
        super(message, cause);
    }

    public OpcUaException(String message) {
        super(message);
    }
}
