package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.plugin.cli.Main;
import io.aoi.results.journal.ResultJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault injection with the real station process: a small demo-like station (simulated camera, no deblurring, so
 * it starts fast and frames are in flight) is killed with SIGKILL at seeded random moments ten times, restarted
 * each time, then run once more with UDBD-Net (slower than the camera, so frames are queued) and stopped with
 * SIGTERM. Afterwards every frame any run
 * admitted has exactly one result record in the journal (completed, dropped or, for frames cut off by a kill,
 * interrupted), and no result is recorded twice.
 */
class StationKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KILLS = Integer.getInteger("kills", 10);
    private static final long SEED = 20261201L;
    /** SIGTERM must end the process within this (the station's own stop is bounded by its stop grace). */
    private static final Duration STOP_LIMIT = Duration.ofSeconds(5);

    private static final String STATION = """
            stationId: kill-test
            camera:
              type: simulated
              widthPx: 512
              bitDepth: 8
              lineRateHz: 4000
              defocusSigmaPx: 1.0
              noiseSigma: 0.01
              particlesPerBump: 12
              micronsPerPixel: 0.5
              seed: 42
            assembly:
              linesPerStrip: 64
              frameHeight: 256
              overlapLines: 48
            deblur:
              model: %s
              iterations: 1
              threads: 1
            detector:
              minDiameterPx: 5
              maxDiameterPx: 12
              minContrast: 0.018
              micronsPerPixel: 0.5
              minParticlesPerBump: 5
              bumps: {mode: automatic, minWidthPx: 60, minHeightPx: 32}
            opcua:
              bindAddress: 127.0.0.1
              port: 0
              profile: demo
              pkiDir: runtime/pki
            outputs:
              journalDir: runtime/journal
            """;

    @TempDir
    Path dir;

    /** A started station process with its output collected line by line. */
    private static final class StationProcess {
        final Process process;
        final Thread reader;
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        StationProcess(Path station) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // a quick-starting JVM: the test starts eleven of them
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--station",
                    station.toString());
            pb.redirectErrorStream(true);
            process = pb.start();
            reader = new Thread(() -> collect(process.getInputStream()), "station-output");
            reader.setDaemon(true);
            reader.start();
        }

        private void collect(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output ended: " + e + ")");
            }
        }

        boolean printed(String part) {
            synchronized (lines) {
                return lines.stream().anyMatch(l -> l.contains(part));
            }
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }

    @Test
    void everyAdmittedFrameHasExactlyOneRecordThroughTenKillsAndAStop() throws Exception {
        Path station = dir.resolve("kill-test.yaml");
        Files.writeString(station, STATION.formatted("none"));
        // the same station and journal, with a model slower than the camera: frames queue up before the SIGTERM
        Path slowStation = dir.resolve("kill-test-slow.yaml");
        Files.writeString(slowStation, STATION.formatted("udbd_acf"));
        Path journalDir = dir.resolve("runtime").resolve("journal");
        Random random = new Random(SEED);
        int recoveriesReported = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            StationProcess p = new StationProcess(station);
            try {
                awaitRunning(p);
                if (p.printed("recorded as INTERRUPTED")) {
                    recoveriesReported++;
                }
                // the moment of the kill: seeded, 0.3 to 1.8 s into the run, when frames are in flight
                Thread.sleep(300 + random.nextInt(1500));
            } finally {
                p.process.destroyForcibly();
            }
            assertTrue(p.process.waitFor(30, TimeUnit.SECONDS), "killed station ended");
        }

        StationProcess last = new StationProcess(slowStation);
        long stopNanos;
        try {
            awaitRunning(last);
            if (last.printed("recorded as INTERRUPTED")) {
                recoveriesReported++;
            }
            Thread.sleep(1500 + random.nextInt(1000));
            long t0 = System.nanoTime();
            // SIGTERM, as systemd or Ctrl-C would send; Process.destroy() would also close the output pipe
            Process term = new ProcessBuilder("kill", "-TERM", Long.toString(last.process.pid())).start();
            assertEquals(0, term.waitFor(), "kill -TERM");
            assertTrue(last.process.waitFor(30, TimeUnit.SECONDS), "stopped station ended");
            stopNanos = System.nanoTime() - t0;
            last.reader.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            last.process.destroyForcibly();
        }
        assertTrue(stopNanos < STOP_LIMIT.toNanos(), "SIGTERM took " + stopNanos / 1e9 + " s:\n" + last.output());
        String out = last.output();
        assertTrue(last.printed("stopped: summary:"), "a summary after SIGTERM:\n" + out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), "no stack trace at the stop:\n" + out);

        Journal j = readJournal(journalDir);
        assertTrue(j.admitted.size() > KILLS, "frames admitted over all runs: " + j.admitted.size());
        List<String> duplicates = j.results.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), duplicates, "results recorded more than once");
        List<String> withoutRecord = j.admitted.keySet().stream().filter(id -> !j.results.containsKey(id)).toList();
        assertEquals(List.of(), withoutRecord, "admitted frames without a record");
        List<String> neverAdmitted = j.results.keySet().stream().filter(id -> !j.admitted.containsKey(id)).toList();
        assertEquals(List.of(), neverAdmitted, "records of frames that were never admitted");
        assertTrue(j.admitted.values().stream().allMatch(n -> n == 1), "each frame admitted once");
        assertTrue(j.outcomes.getOrDefault("INTERRUPTED", 0) > 0, "kills cut frames off: " + j.outcomes);
        assertTrue(recoveriesReported > 0, "a restart reported what it recovered");
        assertTrue(j.stoppedQueued > 0, "frames were still queued at the SIGTERM: " + j.outcomes);
        try (ResultJournal journal = ResultJournal.open(journalDir, 30, 64L << 20)) {
            assertTrue(journal.unrecordedAdmissions().isEmpty());
            assertEquals(0, journal.corruptRecordsSkipped());
        }
        System.out.printf("fault injection: %d kills survived, %d frames admitted, %d records (%s), "
                + "%d frames without a record, %d duplicates%n", KILLS, j.admitted.size(),
                j.results.values().stream().mapToInt(Integer::intValue).sum(), j.outcomes, withoutRecord.size(),
                duplicates.size());
    }

    private static void awaitRunning(StationProcess p) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> p.printed("running, job")
                || !p.process.isAlive());
        assertTrue(p.process.isAlive(), "station did not start:\n" + p.output());
    }

    /** Every record of every segment, counted by result id. */
    private record Journal(Map<String, Integer> admitted, Map<String, Integer> results, Map<String, Integer> outcomes,
            int stoppedQueued) {
    }

    private static Journal readJournal(Path journalDir) throws IOException {
        Map<String, Integer> admitted = new HashMap<>();
        Map<String, Integer> results = new HashMap<>();
        Map<String, Integer> outcomes = new HashMap<>();
        int stoppedQueued = 0;
        List<Path> segments;
        try (Stream<Path> s = Files.list(journalDir)) {
            segments = s.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path segment : segments) {
            for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
                JsonNode o = JSON.readTree(line.substring(line.indexOf(' ') + 1));
                String id = o.get("resultId").asText();
                if ("admission".equals(o.path("record").asText())) {
                    admitted.merge(id, 1, Integer::sum);
                } else {
                    results.merge(id, 1, Integer::sum);
                    outcomes.merge(o.get("outcome").asText(), 1, Integer::sum);
                    if (o.get("reason").asText().startsWith("station stopped before inspection")) {
                        stoppedQueued++;
                    }
                }
            }
        }
        return new Journal(admitted, results, outcomes, stoppedQueued);
    }
}
