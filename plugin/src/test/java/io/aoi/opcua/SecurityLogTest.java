package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2026-05-10T08:00:00Z");

    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path file) throws Exception {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException("not JSON: " + l, e);
            }
        }).toList();
    }

    @Test
    void writesOneJsonObjectPerEventAndAppendsAfterAReopen() throws Exception {
        InetAddress client = InetAddress.getByAddress(new byte[] {10, 1, 2, 3});
        try (SecurityLog log = SecurityLog.open(dir, 30, 1 << 20, Clock.fixed(T0, ZoneOffset.UTC))) {
            log.record(SecurityEvent.LOGIN_FAILED, "eng\"\n{injected}", client, Map.of("consecutiveFailures", 2));
            log.record(SecurityEvent.METHOD_CALL, "eng", client, Map.of("method", "Halt", "status", "Good"));
        }
        SecurityLog reopened = SecurityLog.open(dir, 30, 1 << 20, Clock.fixed(T0, ZoneOffset.UTC));
        reopened.record(SecurityEvent.RECIPE_CHANGE, "eng", null, Map.of("field", "DeblurIterations"));
        closeTwice(reopened);
        reopened.record(SecurityEvent.LOGIN_OK, "late", null, Map.of()); // after close: SLF4J only
        List<JsonNode> lines = lines(dir.resolve("security-2026-05-10.jsonl"));
        assertEquals(3, lines.size());
        JsonNode failed = lines.get(0);
        assertEquals("2026-05-10T08:00:00Z", failed.get("at").asText());
        assertEquals("login-failed", failed.get("event").asText());
        assertEquals("eng\"\n{injected}", failed.get("user").asText(), "client text stays inside its string");
        assertEquals("10.1.2.3", failed.get("client").asText());
        assertEquals(2, failed.get("consecutiveFailures").asInt());
        assertEquals("Halt", lines.get(1).get("method").asText());
        assertEquals("recipe-change", lines.get(2).get("event").asText());
        assertTrue(lines.get(2).get("client") == null);
    }

    @Test
    void deletesDayFilesOlderThanTheRetentionAndRollsAtMidnight() throws Exception {
        for (String day : List.of("2026-05-01", "2026-05-06", "2026-05-07", "2026-05-09")) {
            Files.writeString(dir.resolve("security-" + day + ".jsonl"), "{}\n");
        }
        Files.writeString(dir.resolve("notes.txt"), "kept");
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        try (SecurityLog log = SecurityLog.open(dir, 3, 1 << 20, clock)) {
            assertEquals(List.of("security-2026-05-07.jsonl", "security-2026-05-09.jsonl",
                    "security-2026-05-10.jsonl"), names(log));
        }
        MutableClock later = new MutableClock(T0);
        try (SecurityLog log = SecurityLog.open(dir, 3, 1 << 20, later)) {
            later.now = Instant.parse("2026-05-11T00:00:01Z");
            log.record(SecurityEvent.LOGIN_OK, "eng", null, Map.of());
            assertEquals(List.of("security-2026-05-09.jsonl", "security-2026-05-10.jsonl",
                    "security-2026-05-11.jsonl"), names(log));
        }
        assertTrue(Files.exists(dir.resolve("notes.txt")));
    }

    @Test
    void keepsWithinItsByteBudget() throws Exception {
        Files.writeString(dir.resolve("security-2026-05-08.jsonl"), "x".repeat(40_000) + "\n");
        Files.writeString(dir.resolve("security-2026-05-09.jsonl"), "x".repeat(40_000) + "\n");
        long budget = 64 << 10;
        try (SecurityLog log = SecurityLog.open(dir, 30, budget, Clock.fixed(T0, ZoneOffset.UTC))) {
            assertEquals(List.of("security-2026-05-09.jsonl", "security-2026-05-10.jsonl"), names(log),
                    "the oldest day went to stay under the budget");
            for (int i = 0; i < 2_000; i++) {
                log.record(SecurityEvent.LOGIN_FAILED, "user-" + i, null, Map.of("consecutiveFailures", i));
            }
        }
        Path today = dir.resolve("security-2026-05-10.jsonl");
        assertTrue(Files.size(today) <= budget + 200, "today's file stops at the budget: " + Files.size(today));
        List<JsonNode> lines = lines(today);
        assertEquals("log-full", lines.get(lines.size() - 1).get("event").asText());
        assertEquals(1, lines.stream().filter(l -> l.get("event").asText().equals("log-full")).count());
    }

    @Test
    void refusesNonsenseLimits() {
        assertThrows(IllegalArgumentException.class, () -> SecurityLog.open(dir, 0, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> SecurityLog.open(dir, 1, 1000));
    }

    private static void closeTwice(AutoCloseable c) throws Exception {
        c.close();
        c.close();
    }

    private static List<String> names(SecurityLog log) throws Exception {
        return log.dayFiles().stream().map(p -> p.getFileName().toString()).toList();
    }

    private static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
