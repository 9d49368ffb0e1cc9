package io.aoi.plugin;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Why a file operation failed, in words, for messages that already name the operation and the path. The JDK's
 * file exceptions often carry only the path as their message ({@code AccessDeniedException: /x}), which reads
 * as "failed for /x: /x"; this names the reason instead.
 */
public final class IoReasons {
    private IoReasons() {
    }

    /** For example {@code permission denied on /data/journal} or {@code /data/f/journal: Not a directory}. */
    public static String of(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied" + on(denied);
        }
        if (e instanceof FileAlreadyExistsException exists) {
            return "a file is in the way" + on(exists) + " (a folder is needed)";
        }
        if (e instanceof NoSuchFileException missing) {
            return "no such file or folder" + on(missing);
        }
        if (e instanceof NotDirectoryException notFolder) {
            return "not a folder" + on(notFolder);
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static String on(FileSystemException e) {
        String reason = e.getReason() == null ? "" : " (" + e.getReason() + ")";
        return (e.getFile() == null ? "" : " on " + e.getFile()) + reason;
    }
}
