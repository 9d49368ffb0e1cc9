package io.aoi.opcua.nodeset;

/** A NodeSet2 file that cannot be read or that names something this loader cannot build; the message says where. */
public final class NodeSetException extends Exception {
    private static final long serialVersionUID = 1L;

    public NodeSetException(String message) {
        super(message);
    }

    public NodeSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
