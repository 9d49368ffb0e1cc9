package io.aoi.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An image file that cannot be read or written as an {@link Image}: an unsupported container or pixel
 * format, or undecodable data. The message names the file, what was found and what is allowed.
 */
public final class ImageFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String found;
    private final String allowed;

    public ImageFormatException(Path file, String found, String allowed) {
        this(file, found, allowed, null);
    }

    public ImageFormatException(Path file, String found, String allowed, Throwable cause) {
        super(file + ": found " + found + "; allowed: " + allowed, cause);
        this.file = file.toString();
        this.found = found;
        this.allowed = allowed;
    }

    public String file() {
        return file;
    }

    /** What the file holds, for example "12-bit samples" or "CMYK colour". */
    public String found() {
        return found;
    }

    public String allowed() {
        return allowed;
    }
}
