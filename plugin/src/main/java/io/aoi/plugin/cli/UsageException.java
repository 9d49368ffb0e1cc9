package io.aoi.plugin.cli;

/** The command line was wrong; the message says what was expected. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
