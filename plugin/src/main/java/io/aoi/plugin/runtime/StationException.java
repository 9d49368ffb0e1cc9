package io.aoi.plugin.runtime;

/** A station could not start or keep running; the message says which part and why. */
public class StationException extends Exception {
    private static final long serialVersionUID = 1L;

    public StationException(String message) {
        super(message);
    }

    public StationException(String message, Throwable cause) {
        super(message, cause);
    }
}
