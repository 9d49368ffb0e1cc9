package io.aoi.results.journal;

import io.aoi.opcua.ResultContentJson;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.WireFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** One-time generator of the pre-Jackson wire fixtures, run with the encoder they document. */
class GenerateWireFixtures {
    @Test
    void generate() throws Exception {
        Path res = Path.of("src/test/resources/io/aoi/results");
        Path dir = res.resolve("journal/pre-jackson");
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 20,
                Clock.fixed(WireFixtures.T0.plusSeconds(3600), ZoneOffset.UTC))) {
            for (FrameAdmission a : WireFixtures.admissions()) {
                j.admit(a);
            }
            for (InspectionResult r : WireFixtures.results()) {
                j.append(r);
            }
        }
        Files.deleteIfExists(dir.resolve("journal.lock"));
        Files.writeString(res.resolve("result-content-pre-jackson.jsonl"), WireFixtures.results().stream()
                .map(ResultContentJson::of).collect(Collectors.joining("\n", "", "\n")), StandardCharsets.UTF_8);
    }
}
