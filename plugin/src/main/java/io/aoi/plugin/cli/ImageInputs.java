package io.aoi.plugin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks the image paths given on a command line before any work starts. */
final class ImageInputs {
    private ImageInputs() {
    }

    static List<Path> existing(List<String> names) throws UsageException {
        List<Path> paths = new ArrayList<>();
        for (String n : names) {
            Path p = Path.of(n);
            if (!Files.isRegularFile(p)) {
                throw new UsageException("image " + n + " does not exist or is not a file");
            }
            paths.add(p);
        }
        return paths;
    }
}
