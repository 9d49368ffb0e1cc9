package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.aoi.opcua.NodeClientProcess;
import io.aoi.opcua.RequiresNode;
import io.aoi.opcua.TestClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MES that was watching when the station was killed with SIGKILL catches up on every result after the restart.
 * The independent node-opcua client ({@code src/test/node/mes-client.js}) subscribes to ResultReady on the running
 * station, takes some events and the latest results, and remembers the newest CreationTime it saw. The station goes
 * on producing results the client never sees, and is killed while frames are in flight; the restart on the same
 * journal records those frames as INTERRUPTED and starts a new job, whose first results follow. An engineer halts
 * the line so the journal stops growing, and the client, in catch-up mode, pages through GetResultsInWindow from its
 * last CreationTime over all jobs. What it saw before plus what it caught up on is then exactly the set of result ids
 * in the journal: every result of both jobs and every INTERRUPTED record, none returned twice.
 */
@RequiresNode
class MesCatchUpAfterKillTest {
    private static final String STATION_ID = "catch-up-test";
    /** Results the client takes live before it goes away. */
    private static final int LIVE_EVENTS = 5;
    /** Results the station records after the client went away, before the kill; and after the restart. */
    private static final int UNSEEN_BEFORE_KILL = 3;
    private static final int AFTER_RESTART = 3;
    /** The kill follows an admission younger than this, so that frame is cut off in flight. */
    private static final Duration JUST_ADMITTED = Duration.ofMillis(20);

    /**
     * A station whose frames take far longer to inspect (Wiener on 2048 px wide frames, about 0.1-0.2 s) than the
     * {@link #JUST_ADMITTED} window, so the frame admitted last before the kill is surely still in flight; halt allowed.
     */
    private static final String STATION = """
            stationId: %s
            camera:
              type: simulated
              widthPx: 2048
              bitDepth: 8
              lineRateHz: 2000
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
              model: wiener
              iterations: 1
              threads: 1
              wienerSigmaPx: 1.0
              wienerNoiseToSignal: 0.03
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
              anonymousRole: engineer
              pkiDir: runtime/pki
            outputs:
              journalDir: runtime/journal
            """.formatted(STATION_ID);

    @TempDir
    Path dir;

    @Test
    void mesClientCatchesUpOnEveryResultAcrossAKillAndANewJob() throws Exception {
        Path station = dir.resolve("catch-up-test.yaml");
        Files.writeString(station, STATION);
        Path journalDir = dir.resolve("runtime").resolve("journal");

        Set<String> seen = new HashSet<>();
        String lastSeen;
        StationProcess first = new StationProcess(station);
        try {
            first.awaitRunning();
            NodeClientProcess live = NodeClientProcess.start("mes-client.js",
                    List.of(endpoint(first), "--expect", Integer.toString(LIVE_EVENTS)));
            live.awaitReady();
            JsonNode s = live.summary();
            // events that arrive while the client finishes its wait are reported too
            assertTrue(s.get("events").size() >= LIVE_EVENTS, live.output());
            assertEquals("Good", s.get("getResultsInWindow").get("status").asText(), live.output());
            s.get("events").forEach(e -> seen.add(e.get("resultId").asText()));
            s.get("getResultsInWindow").get("resultIds").forEach(id -> seen.add(id.asText()));
            lastSeen = s.get("lastSeenCreationTime").asText();
            // the client is gone; results it never saw follow. The kill comes just after a frame was admitted, so
            // it is surely still in flight (inspection takes tens of milliseconds) and the restart must record it
            Awaitility.await("unseen results in the journal and a frame just admitted").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(5)).until(() -> {
                JournalFiles j = JournalFiles.read(journalDir);
                Instant justNow = Instant.now().minus(JUST_ADMITTED);
                return j.results().stream().filter(r -> !seen.contains(r.resultId())).count() >= UNSEEN_BEFORE_KILL
                        && j.newestUnrecordedAdmission().filter(justNow::isBefore).isPresent();
            });
        } finally {
            first.kill();
        }
        JournalFiles atKill = JournalFiles.read(journalDir);
        Set<String> jobsAtKill = atKill.results().stream().map(JournalFiles.Result::jobId).collect(Collectors.toSet());

        JournalFiles quiet;
        JsonNode caught;
        StationProcess second = new StationProcess(station);
        try {
            second.awaitRunning();
            assertTrue(second.printed("recorded as INTERRUPTED"), "the restart recovered frames:\n" + second.output());
            Awaitility.await("results of the new job after the restart").atMost(Duration.ofSeconds(60))
                    .until(() -> JournalFiles.read(journalDir).results()
                    .stream().filter(r -> !jobsAtKill.contains(r.jobId())).count() >= AFTER_RESTART);
            String url = endpoint(second);
            halt(url);
            // halted: frames already inside are finished and recorded, then the journal stops growing
            Awaitility.await("every admitted frame recorded, for 1 s, after the halt").atMost(Duration.ofSeconds(30))
                    .during(Duration.ofSeconds(1))
                    .until(() -> JournalFiles.read(journalDir).unrecorded().isEmpty());
            quiet = JournalFiles.read(journalDir);
            NodeClientProcess catchUp = NodeClientProcess.start("mes-client.js",
                    List.of(url, "--since", lastSeen, "--station", STATION_ID));
            caught = catchUp.summary().get("catchUp");
            assertEquals("Good", caught.get("status").asText(), catchUp.output());
            assertEquals(quiet.results().size(), JournalFiles.read(journalDir).results().size(),
                    "a halted station records nothing new");
        } finally {
            second.kill();
        }

        List<String> caughtIds = new ArrayList<>();
        caught.get("results").forEach(r -> caughtIds.add(r.get("resultId").asText()));
        Set<String> caughtSet = new HashSet<>(caughtIds);
        assertEquals(0, caught.get("duplicates").size(), "results the catch-up returned twice: " + caught);
        assertEquals(caughtIds.size(), caughtSet.size(), "no result id twice in the catch-up");
        assertEquals(caught.get("matched").asInt(), caughtIds.size(), "every matched result fetched");

        Map<String, Integer> recorded = quiet.resultCounts();
        assertEquals(Map.of(), Map.copyOf(recorded.entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))), "results recorded twice");
        Set<String> known = new HashSet<>(seen);
        known.addAll(caughtSet);
        Set<String> missed = new TreeSet<>(recorded.keySet());
        missed.removeAll(known);
        Set<String> unknown = new TreeSet<>(known);
        unknown.removeAll(recorded.keySet());
        assertEquals(Set.of(), missed, "journal results the MES never got");
        assertEquals(Set.of(), unknown, "results the MES got that the journal does not hold");

        Instant since = Instant.parse(lastSeen).truncatedTo(ChronoUnit.MILLIS);
        List<JournalFiles.Result> interrupted = quiet.results().stream()
                .filter(r -> r.outcome().equals("INTERRUPTED")).toList();
        List<JournalFiles.Result> unseenOfOldJob = quiet.results().stream()
                .filter(r -> jobsAtKill.contains(r.jobId()) && !seen.contains(r.resultId())).toList();
        List<JournalFiles.Result> newJob = quiet.results().stream()
                .filter(r -> !jobsAtKill.contains(r.jobId())).toList();
        Set<String> caughtJobs = new HashSet<>();
        caught.get("results").forEach(r -> caughtJobs.add(r.get("jobId").asText()));
        assertTrue(!interrupted.isEmpty(), "the kill cut frames off");
        assertTrue(unseenOfOldJob.size() >= UNSEEN_BEFORE_KILL, "results of the old job the client missed");
        assertTrue(newJob.size() >= AFTER_RESTART, "results of the new job");
        assertTrue(caughtJobs.size() >= 2 && caughtJobs.containsAll(jobsAtKill), "catch-up across jobs: " + caughtJobs);
        assertTrue(quiet.results().stream().filter(r -> caughtSet.contains(r.resultId()))
                .allMatch(r -> !r.createdAt().isBefore(since)), "catch-up starts at the last seen CreationTime");
        System.out.printf("MES catch-up across a kill: client saw %d live (last CreationTime %s); at the kill the "
                        + "journal held %d results, %d frames in flight; after the restart %d INTERRUPTED + %d results "
                        + "of the new job; catch-up fetched %d results in %d page(s) (%d already seen), "
                        + "%d journal results missed, %d duplicates%n",
                seen.size(), lastSeen, atKill.results().size(), atKill.unrecorded().size(), interrupted.size(),
                newJob.size(),
                caughtIds.size(), caught.get("pages").asInt(), caughtIds.stream().filter(seen::contains).count(),
                missed.size(), caughtIds.size() - caughtSet.size());
    }

    private static String endpoint(StationProcess p) {
        return p.printedValue("OPC UA endpoint:").orElseThrow(() -> new AssertionError("no endpoint:\n"
                + p.output()));
    }

    /** Halt(Cause, CauseDescription) on the VisionStateMachine, as an engineer would: the line stops taking frames. */
    private static void halt(String url) throws Exception {
        OpcUaClient c = TestClients.demo(url);
        try {
            int ns = c.getNamespaceTable().getIndex("urn:aoi:station").intValue();
            CallMethodResult r = c.call(List.of(new CallMethodRequest(new NodeId(ns, STATION_ID
                    + "/VisionStateMachine"), new NodeId(ns, STATION_ID + "/VisionStateMachine/Halt"),
                    new Variant[] {new Variant(1), new Variant("MES catch-up check")}))).getResults()[0];
            assertTrue(r.getStatusCode().isGood(), "Halt: " + r.getStatusCode());
        } finally {
            c.disconnect();
        }
    }
}
