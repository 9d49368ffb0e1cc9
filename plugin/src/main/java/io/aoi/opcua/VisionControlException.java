package io.aoi.opcua;

/** The pipeline refused or failed a state change asked for over OPC UA; the message says why. */
public final class VisionControlException extends Exception {
    private static final long serialVersionUID = 1L;

    public VisionControlException(String message) {
        super(message);
    }

    public VisionControlException(String message, Throwable cause) {
        super(message, cause);
    }
}
