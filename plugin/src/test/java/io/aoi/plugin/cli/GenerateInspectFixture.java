package io.aoi.plugin.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-time generator of the pre-Jackson inspect output fixture. */
class GenerateInspectFixture {
    @Test
    void generate(@TempDir Path tmp) throws Exception {
        Files.writeString(Path.of("src/test/resources/io/aoi/plugin/cli/inspect-output-pre-jackson.json"),
                InspectOutputFixtureInputs.run(tmp));
    }
}
