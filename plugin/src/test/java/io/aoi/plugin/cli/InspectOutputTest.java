package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code inspect} output file keeps the form the encoder before JSON data binding wrote
 * ({@code inspect-output-pre-jackson.json}, from the inputs of {@link InspectOutputFixtureInputs}): the same fields
 * in the same order with the same JSON types at every level, every entry kind (a verdict with particles and bumps,
 * NO_DECISION with its reason, a warning, errors, an unusable deblurrer output), and the same texts. Measured
 * times, the detector's numbers and its verdict on the panel frame are compared by type only: they are the
 * detector's, not the writer's. One field joined the fixture after it was written: {@code contrastThreshold}
 * (after {@code detectMillis}, in every entry with a detection), the contrast threshold the detector used.
 */
class InspectOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Detector results: compared by type, not value. */
    private static final Set<String> MEASURED = Set.of("deblurMillis", "detectMillis", "particleCount",
            "densityPerMm2", "contrastThreshold");
    private static final Set<String> VERDICTS = Set.of("OK", "NG", "NO_DECISION");

    @Test
    void everyEntryKindHasTheFieldsOrderAndTypesItHadBefore(@TempDir Path tmp) throws Exception {
        JsonNode before = JSON.readTree(
                Files.readString(Path.of("src/test/resources/io/aoi/plugin/cli/inspect-output-pre-jackson.json")));
        JsonNode now = JSON.readTree(InspectOutputFixtureInputs.run(tmp));
        List<String> differences = new ArrayList<>();
        compare("", before, now, false, differences);
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertEquals(2, now.size(), "two runs");
    }

    /** @param shapeOnly compare names, order and types only (an element of the detector's particles or bumps) */
    private static void compare(String path, JsonNode before, JsonNode now, boolean shapeOnly, List<String> out) {
        if (before.getNodeType() != now.getNodeType() || before.isIntegralNumber() != now.isIntegralNumber()) {
            out.add(path + ": was " + before.getNodeType() + " " + before + ", now " + now.getNodeType() + " " + now);
            return;
        }
        if (before.isObject()) {
            List<String> names = fieldNames(before);
            if (!names.equals(fieldNames(now))) {
                out.add(path + ": fields were " + names + ", now " + fieldNames(now));
                return;
            }
            for (String name : names) {
                if (name.equals("verdict") && before.has("particles")) {
                    // the detector's verdict on a real frame
                    if (!VERDICTS.contains(now.get(name).asText())) {
                        out.add(path + ".verdict: " + now.get(name) + "; allowed: " + VERDICTS);
                    }
                } else {
                    compare(path + "." + name, before.get(name), now.get(name), shapeOnly, out);
                }
            }
        } else if (before.isArray()) {
            boolean detected = path.endsWith(".particles") || path.endsWith(".bumps");
            if (!detected && before.size() != now.size()) {
                out.add(path + ": held " + before.size() + " elements, now " + now.size());
                return;
            }
            for (int i = 0; i < now.size(); i++) {
                compare(path + "[" + i + "]", before.get(detected ? 0 : i), now.get(i), shapeOnly || detected, out);
            }
        } else if (!shapeOnly && !MEASURED.contains(path.substring(path.lastIndexOf('.') + 1))
                && !before.equals(now)) {
            out.add(path + ": was " + before + ", now " + now);
        }
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
