package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Station files built to make the loader work without end: oversized files and YAML alias bombs that stay
 * under SnakeYAML's alias limit. Each is refused with one line naming the limit; the preemptive timeout only
 * guards against a hang (the refusal takes milliseconds).
 */
class StationFileLimitsTest {
    private static final Path BASE = Path.of("/stations/line-3");
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    /** {@code levels} anchors, each a list of {@code width} aliases of the previous one: width^levels values. */
    static String aliasBomb(int levels, int width) {
        StringBuilder yaml = new StringBuilder("stationId: bomb\nx0: &x0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            yaml.append('x').append(level).append(": &x").append(level).append(" [");
            for (int i = 0; i < width; i++) {
                yaml.append(i == 0 ? "" : ", ").append("*x").append(level - 1);
            }
            yaml.append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void refusesASmallAliasBombUnderTheAliasLimitQuickly() {
        String yaml = aliasBomb(8, 6);

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> assertTimeoutPreemptively(HANG_GUARD, () -> StationConfigLoader.parse(yaml, "bomb.yaml", BASE)));

        assertEquals("bomb.yaml:8: x6: the document expands to more than 100000 values through aliases; "
                + "allowed: at most 100000 (a station file needs a few hundred)", error.getMessage());
    }

    @Test
    void refusesABombOfMappingsUnderTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("stationId: bomb\nm0: &m0 {a: lol}\n");
        for (int level = 1; level <= 8; level++) {
            yaml.append('m').append(level).append(": &m").append(level).append(" {");
            for (int i = 0; i < 6; i++) {
                yaml.append(i == 0 ? "" : ", ").append('k').append(i).append(": *m").append(level - 1);
            }
            yaml.append("}\n");
        }

        StationConfigException error = assertThrows(StationConfigException.class, () -> assertTimeoutPreemptively(
                HANG_GUARD, () -> StationConfigLoader.parse(yaml.toString(), "maps.yaml", BASE)));

        assertEquals("maps.yaml", error.file());
        assertEquals("m6", error.field());
        assertEquals(8, error.line());
        assertEquals("the document expands to more than 100000 values through aliases; allowed: at most 100000 "
                + "(a station file needs a few hundred)", error.problem());
    }

    @Test
    void refusesMoreAliasesThanAStationFileNeeds() {
        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(aliasBomb(6, 9), "aliases.yaml", BASE));

        assertEquals("aliases.yaml: YAML error: Number of aliases for non-scalar nodes exceeds the specified max=50",
                error.getMessage());
    }

    @Test
    void refusesA50MegabyteOneValueFileFromItsSize(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.yaml");
        char[] chunk = new char[1 << 16];
        java.util.Arrays.fill(chunk, 'a');
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("stationId: ");
            for (int i = 0; i < 50 * 16; i++) {
                out.write(chunk);
            }
            out.write('\n');
        }
        long bytes = Files.size(file);

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> assertTimeoutPreemptively(HANG_GUARD, () -> StationConfigLoader.load(file)));

        assertEquals(file + ": the file is " + bytes + " bytes; allowed: at most 1048576 bytes (1 MiB)",
                error.getMessage());
    }

    @Test
    void refusesOversizedTextGivenDirectly() {
        String yaml = "stationId: " + "a".repeat(1 << 20) + "\n";

        StationConfigException error = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "long.yaml", BASE));

        assertEquals("long.yaml: the text is " + yaml.length() + " characters long; allowed: at most 1048576 (1 Mi)",
                error.getMessage());
    }
}
