package io.aoi.opcua;

/** A result store could not answer a query (for example an I/O error reading the journal). */
public final class ResultQueryException extends Exception {
    private static final long serialVersionUID = 1L;

    public ResultQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
