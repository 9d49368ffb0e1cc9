package io.aoi.config.yaml;

import io.aoi.config.StationConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The station file being read: its name for messages and the folder its relative paths resolve against.
 *
 * @param name    the file as named to the loader; every message starts with it
 * @param baseDir absolute folder that relative paths in the file resolve against
 */
record YamlSource(String name, Path baseDir) {

    /** 1-based line where {@code node} starts. */
    static int lineOf(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    StationConfigException fail(int line, String field, String problem) {
        return new StationConfigException(name, line, field, problem);
    }

    StationConfigException fail(int line, String field, String problem, Throwable cause) {
        return new StationConfigException(name, line, field, problem, cause);
    }

    /** {@code text} as a path; a relative one is resolved against {@link #baseDir()}. Empty if not a path. */
    Optional<Path> resolve(String text) {
        try {
            return Optional.of(baseDir.resolve(Path.of(text)).normalize());
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }
}
