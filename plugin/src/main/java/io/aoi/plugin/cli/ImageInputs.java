package io.aoi.plugin.cli;

import io.aoi.image.ImageFormatException;
import io.aoi.plugin.IoReasons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image files and output paths given on a command line, checked before any work starts: which inputs must
 * exist, and that outputs named after inputs cannot collide or replace an input.
 */
final class ImageInputs {
    private ImageInputs() {
    }

    /** Every path must be an existing file. */
    static List<Path> existing(List<Path> paths) throws UsageException {
        for (Path p : paths) {
            if (!Files.isRegularFile(p)) {
                throw new UsageException("image " + p + " does not exist or is not a file");
            }
        }
        return paths;
    }

    /**
     * Outputs named after their input's file name ({@code what}: "restored images", "overlays") would overwrite
     * each other when two inputs share a file name, the same path given twice included: refused, naming both.
     */
    static void requireDistinctNames(List<Path> inputs, String what) throws UsageException {
        Map<Path, Path> byName = new LinkedHashMap<>();
        for (Path in : inputs) {
            Path first = byName.putIfAbsent(in.getFileName(), in);
            if (first != null) {
                String given = first.equals(in) ? "image " + in + " is given twice, so its "
                        : "images " + first + " and " + in + " have the same file name, so their ";
                throw new UsageException(given + what + " would overwrite each other; allowed: inputs with "
                        + "distinct file names");
            }
        }
    }

    /**
     * Refuses an output folder where writing {@code <folder>/<input file name>} would replace an input: the
     * folder an input is in, or a link to it.
     */
    static void requireNoInputReplaced(Path outDir, List<Path> inputs) throws UsageException {
        for (Path in : inputs) {
            Path target = outDir.resolve(in.getFileName());
            try {
                if (Files.exists(target) && Files.exists(in) && Files.isSameFile(target, in)) {
                    throw new UsageException("--out " + outDir + " would replace the input " + in
                            + "; allowed: a folder that holds none of the inputs");
                }
            } catch (IOException unreadable) {
                throw new UsageException("cannot compare --out " + outDir + " with the input " + in + ": "
                        + unreadable.getMessage());
            }
        }
    }

    /** An output folder: refused when it exists as a file or cannot be created; created when missing. */
    static void prepareFolder(Path dir, String option) throws UsageException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("--" + option + " " + dir + " is a file; allowed: a folder (it is created "
                    + "when missing)");
        }
        createFolder(dir, "--" + option + " " + dir);
    }

    /**
     * An output file, checked before any work: refused when it is a folder, its folder cannot be created, or
     * it cannot be written; its folder is created when missing.
     */
    static void prepareFile(Path file, String option) throws UsageException {
        if (Files.isDirectory(file)) {
            throw new UsageException("--" + option + " " + file + " is a folder; allowed: the path of a file to "
                    + "write");
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            createFolder(parent, "the folder of --" + option + " " + file);
            if (!Files.isWritable(Files.exists(file) ? file : parent)) {
                throw new UsageException("--" + option + " " + file + " cannot be written: permission denied");
            }
        }
    }

    private static void createFolder(Path dir, String what) throws UsageException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException(what + " cannot be created: " + IoReasons.of(e));
        }
    }

    /** Why an image could not be read, naming the file: its format problem, or the file system's reason. */
    static String readFailure(Path in, IOException e) {
        if (e instanceof ImageFormatException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return in + ": no such image file";
        }
        return in + ": " + IoReasons.of(e);
    }

    /** The name of an output derived from an input: {@code x.png} gives {@code x.png-overlay.png}. */
    static String derivedName(Path input, String suffix) {
        return input.getFileName() + "-" + suffix;
    }
}
