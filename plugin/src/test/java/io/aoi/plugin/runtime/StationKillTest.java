package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.journal.ResultJournal;
import io.aoi.testing.Pace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
              lineRateHz: 8000
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
                p.awaitRunning();
                if (p.printed("recorded as INTERRUPTED")) {
                    recoveriesReported++;
                }
                // the moment of the kill: seeded, 0.3 to 1.8 s into the run, when frames are in flight
                Pace.elapse(Duration.ofMillis(300 + random.nextInt(1500)));
            } finally {
                p.kill();
            }
        }

        StationProcess last = new StationProcess(slowStation);
        long stopNanos;
        try {
            last.awaitRunning();
            if (last.printed("recorded as INTERRUPTED")) {
                recoveriesReported++;
            }
            // the moment of the stop: seeded, 1.5 to 2.5 s into the run; the model is slower than the camera, so
            // frames are queued by then (asserted below from the journal: some are "stopped before inspection")
            Pace.elapse(Duration.ofMillis(1500 + random.nextInt(1000)));
            long t0 = System.nanoTime();
            last.terminate();
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

        JournalFiles j = JournalFiles.read(journalDir);
        Map<String, Integer> admitted = j.admittedCounts();
        Map<String, Integer> results = j.resultCounts();
        Map<String, Integer> outcomes = j.outcomes();
        long stoppedQueued = j.results().stream()
                .filter(r -> r.reason().startsWith("station stopped before inspection")).count();
        assertTrue(admitted.size() > KILLS, "frames admitted over all runs: " + admitted.size());
        List<String> duplicates = results.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .toList();
        assertEquals(List.of(), duplicates, "results recorded more than once");
        List<String> withoutRecord = admitted.keySet().stream().filter(id -> !results.containsKey(id)).toList();
        assertEquals(List.of(), withoutRecord, "admitted frames without a record");
        List<String> neverAdmitted = results.keySet().stream().filter(id -> !admitted.containsKey(id)).toList();
        assertEquals(List.of(), neverAdmitted, "records of frames that were never admitted");
        assertTrue(admitted.values().stream().allMatch(n -> n == 1), "each frame admitted once");
        assertTrue(outcomes.getOrDefault("INTERRUPTED", 0) > 0, "kills cut frames off: " + outcomes);
        assertTrue(recoveriesReported > 0, "a restart reported what it recovered");
        assertTrue(stoppedQueued > 0, "frames were still queued at the SIGTERM: " + outcomes);
        try (ResultJournal journal = ResultJournal.open(journalDir, 30, 64L << 20)) {
            assertTrue(journal.unrecordedAdmissions().isEmpty());
            assertEquals(0, journal.corruptRecordsSkipped());
        }
        System.out.printf("fault injection: %d kills survived, %d frames admitted, %d records (%s), "
                + "%d frames without a record, %d duplicates%n", KILLS, admitted.size(),
                results.values().stream().mapToInt(Integer::intValue).sum(), outcomes, withoutRecord.size(),
                duplicates.size());
    }

    @Test
    void aStopWhileTheStationStartsLetsTheStartFinishThenStopsItWithASummary() throws Exception {
        Path station = dir.resolve("start-stop.yaml");
        Files.writeString(station, STATION.formatted("udbd_acf"));
        StationProcess p = new StationProcess(station);
        boolean runningAtTheStop;
        try {
            // the journal is opened first; the models and the OPC UA server take seconds after it
            p.awaitPrinted("result journal ");
            runningAtTheStop = p.printed("running, job");
            p.terminate();
            assertTrue(p.process.waitFor(60, TimeUnit.SECONDS), "stopped station ended");
            p.reader.join(TimeUnit.SECONDS.toMillis(10));
        } finally {
            p.process.destroyForcibly();
        }
        String out = p.output();
        assertFalse(runningAtTheStop, "the stop came while the station was starting:\n" + out);
        // the start either finishes and the station stops with its summary, or it fails on what the JVM's stop
        // removed (OpenCV's extracted native library) and says so; either way on one line, without a stack trace
        assertTrue(p.printed("stopped: summary:") || p.printed("stopped while the station was starting, which then "
                + "failed: station kill-test: cannot start the "), "a stop line after a SIGTERM during the start:\n"
                + out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), "no stack trace at the stop:\n" + out);
        JournalFiles j = JournalFiles.read(dir.resolve("runtime").resolve("journal"));
        assertEquals(j.admittedCounts().keySet(), j.resultCounts().keySet(), "every admitted frame has its record");
    }
}
