package io.aoi.plugin.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sets one scalar field of a top-level section of a station file's text, leaving every other line (comments
 * included) as it was: the field's line is replaced where the section has it, else added as the section's first
 * field. Block-style YAML only, as the shipped station files are written.
 */
final class StationFileEdit {
    private StationFileEdit() {
    }

    /**
     * @param yaml    the station file's text
     * @param section a top-level key, e.g. {@code detector}
     * @param field   a key directly inside it
     * @param value   the new value as YAML text
     * @throws IllegalArgumentException when the file has no such top-level section, naming it
     */
    static String set(String yaml, String section, String field, String value) {
        List<String> lines = new ArrayList<>(Arrays.asList(yaml.split("\n", -1)));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(section + ":\\s*(#.*)?")) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalArgumentException("the station file has no top-level '" + section + ":' section");
        }
        String indent = null;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int spaces = line.length() - line.stripLeading().length();
            if (spaces == 0) {
                break;
            }
            if (indent == null) {
                indent = line.substring(0, spaces);
            }
            if (spaces == indent.length() && trimmed.startsWith(field + ":")) {
                lines.set(i, indent + field + ": " + value);
                return String.join("\n", lines);
            }
        }
        lines.add(start + 1, (indent == null ? "  " : indent) + field + ": " + value);
        return String.join("\n", lines);
    }
}
