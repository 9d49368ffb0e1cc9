package io.aoi.results.journal;

import io.aoi.plugin.IoReasons;
import java.io.IOException;
import java.nio.file.Path;

/** The one checked exception of the result journal; the message names the directory or file and the operation. */
public final class JournalException extends Exception {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }

    public JournalException(String message) {
        super(message);
    }

    static JournalException io(String operation, Path path, Throwable cause) {
        String reason = cause instanceof IOException io ? IoReasons.of(io) : String.valueOf(cause.getMessage());
        return new JournalException(operation + " failed for " + path + ": " + reason, cause);
    }
}
