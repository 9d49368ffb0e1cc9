package io.aoi.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Something a group of tests needs from the host (a native library, a program, installed packages), named by the
 * JUnit tag of that group. Implementations have a public no-argument constructor; {@link RequirementsCheck} asks
 * each one once per JVM.
 */
public interface Requirement {
    /** The JUnit tag of the tests that need it: {@code -Dgroups=TAG} runs only them, {@code -DexcludedGroups=TAG} leaves them out. */
    String tag();

    /** What this is, e.g. "the Aravis library". */
    String what();

    /** Empty when the host has it; otherwise one line naming what is missing and how to install it. */
    Optional<String> missing();

    /** Whether {@code program} is an executable file in one of the PATH folders. */
    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
