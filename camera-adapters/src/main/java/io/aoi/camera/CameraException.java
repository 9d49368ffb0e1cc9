package io.aoi.camera;

/** A line or frame source could not be opened or configured; the message says which source and why. */
public class CameraException extends Exception {
    private static final long serialVersionUID = 1L;

    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
