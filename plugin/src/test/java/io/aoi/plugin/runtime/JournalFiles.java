package io.aoi.plugin.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every record of every journal segment, read straight from the files (the on-disk format
 * {@code <crc> <json>\n}), independently of {@code ResultJournal}. Safe while a station is still writing: a last
 * line without its line feed is a record being written and is left out.
 */
record JournalFiles(List<Admission> admissions, List<Result> results) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One admission record: the frame entered the pipeline at {@code admittedAt}. */
    record Admission(String resultId, Instant admittedAt) {
    }

    /** One result record as the journal holds it. */
    record Result(String resultId, String jobId, String outcome, String reason, Instant createdAt) {
    }

    static JournalFiles read(Path journalDir) throws IOException {
        List<Admission> admissions = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        if (!Files.isDirectory(journalDir)) {
            return new JournalFiles(admissions, results);
        }
        List<Path> segments;
        try (Stream<Path> s = Files.list(journalDir)) {
            segments = s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path segment : segments) {
            String text = Files.readString(segment, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                JsonNode o = JSON.readTree(line.substring(line.indexOf(' ') + 1));
                String id = o.get("resultId").asText();
                if ("admission".equals(o.path("record").asText())) {
                    admissions.add(new Admission(id, Instant.parse(o.get("admittedAt").asText())));
                } else {
                    results.add(new Result(id, o.get("jobId").asText(), o.get("outcome").asText(),
                            o.get("reason").asText(), Instant.parse(o.get("createdAt").asText())));
                }
            }
        }
        return new JournalFiles(admissions, results);
    }

    /** How often each frame was admitted, by result id. */
    Map<String, Integer> admittedCounts() {
        return counts(admissions.stream().map(Admission::resultId));
    }

    /** How many result records each result id has. */
    Map<String, Integer> resultCounts() {
        return counts(results.stream().map(Result::resultId));
    }

    /** Result records by outcome name. */
    Map<String, Integer> outcomes() {
        return counts(results.stream().map(Result::outcome));
    }

    /** Ids of admitted frames that have no result record yet: in flight (or cut off by a kill). */
    Set<String> unrecorded() {
        return unrecordedAdmissions().map(Admission::resultId).collect(Collectors.toSet());
    }

    /** When the newest admitted frame without a result record entered, if any frame is in flight. */
    Optional<Instant> newestUnrecordedAdmission() {
        return unrecordedAdmissions().map(Admission::admittedAt).max(Comparator.naturalOrder());
    }

    private Stream<Admission> unrecordedAdmissions() {
        Set<String> recorded = results.stream().map(Result::resultId).collect(Collectors.toSet());
        return admissions.stream().filter(a -> !recorded.contains(a.resultId()));
    }

    private static Map<String, Integer> counts(Stream<String> keys) {
        Map<String, Integer> counts = new HashMap<>();
        keys.forEach(k -> counts.merge(k, 1, Integer::sum));
        return counts;
    }
}
