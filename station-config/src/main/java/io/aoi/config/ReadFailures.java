package io.aoi.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Why a station file could not be read, in words for a message that already names the file: a folder, a path
 * that does not exist, permission denied, or the file system's reason; never a JDK exception's class name.
 */
final class ReadFailures {
    private ReadFailures() {
    }

    static String of(Path file, IOException e) {
        if (Files.isDirectory(file)) {
            return "it is a folder, not a file; allowed: a station YAML file";
        }
        if (e instanceof NoSuchFileException || !Files.exists(file)) {
            return "it does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : "the file system gave no reason";
    }
}
