package io.aoi.station;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.config.DeblurModel;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfig;
import io.aoi.eval.BumpVerdicts;
import io.aoi.eval.VerdictStats;
import io.aoi.opcua.VisionState;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.plugin.runtime.DemoStations;
import io.aoi.plugin.runtime.TruthScore;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding API on the demo station (without deblurring, OPC UA off): frames pushed from the panel simulator,
 * sharp, so that the detector's bump verdicts follow the simulator's truth; each gets exactly one result, the same
 * verdict as the one-off {@link Inspector} gives.
 */
class StationTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ROWS = 512;

    private static StationConfig demo(Path tmp) throws Exception {
        return DemoStations.demo(tmp, DeblurModel.NONE, 0);
    }

    private static StationOptions pushing() {
        return StationOptions.defaults().withHostFrames(2).withOpcUaServer(false);
    }

    @Test
    void everyQueuedPushGetsExactlyOneResultThroughTheListenerAndTheQueue(@TempDir Path tmp) throws Exception {
        StationConfig config = demo(tmp);
        PanelSimulator simulator = new PanelSimulator((SimulatedCameraSettings) config.camera());
        List<InspectionResult> heard = new CopyOnWriteArrayList<>();
        Map<Long, SimulatedFrame> expected = new HashMap<>();
        int min = config.detector().minParticlesPerBump();
        try (Station station = Station.open(config, pushing()); Inspector inspector = Inspector.open(config)) {
            station.addResultListener(heard::add);
            assertEquals(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, station.state());
            for (int i = 0; i < 6; i++) {
                SimulatedFrame frame = simulator.frame(i * 700L, ROWS, 0, 0, 0.005);
                // a queue of 2: waiting for room, every push is queued
                PushOutcome outcome = station.push(frame.image(), WAIT);
                PushOutcome.Queued queued = assertInstanceOf(PushOutcome.Queued.class, outcome, outcome.toString());
                expected.put(queued.frameId(), frame);
            }
            await().atMost(WAIT).until(() -> heard.size() >= expected.size());

            List<InspectionResult> taken = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                InspectionResult r = station.results().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertNotNull(r, "result " + i + " in the queue");
                taken.add(r);
            }
            assertEquals(0, station.results().size(), "nothing more than one result per frame");
            assertEquals(ids(heard), ids(taken), "the queue holds what the listener heard, in order");
            assertEquals(expected.keySet(), Set.copyOf(ids(heard)), "each queued frame id once");
            VerdictStats bumps = VerdictStats.NONE;
            for (InspectionResult r : heard) {
                assertEquals(Outcome.COMPLETED, r.outcome(), r.reason());
                SimulatedFrame frame = expected.get(r.frameId());
                assertEquals(inspector.inspect(frame.image()).verdict(), r.verdict(), "frame " + r.frameId());
                bumps = bumps.plus(BumpVerdicts.compare(r.bumps(), frame.bumps(), ROWS, min));
            }
            assertTrue(bumps.judged() > 100, bumps.toString());
            assertTrue(bumps.accuracy() >= 0.98, "bump verdicts against the truth: " + bumps);
            PipelineCounters c = station.counters();
            assertEquals(expected.size(), c.framesIn());
            assertEquals(expected.size(), c.results());
            assertEquals(0, station.resultsNotQueued());
        }
    }

    private static List<Long> ids(List<InspectionResult> results) {
        return results.stream().map(InspectionResult::frameId).toList();
    }

    @Test
    void closeIsIdempotentAndAPushAfterItIsRefused(@TempDir Path tmp) throws Exception {
        StationConfig config = demo(tmp);
        PanelSimulator simulator = new PanelSimulator((SimulatedCameraSettings) config.camera());
        Station station = Station.open(config, pushing());
        List<InspectionResult> heard = new CopyOnWriteArrayList<>();
        station.addResultListener(heard::add);
        PushOutcome first = station.push(simulator.frame(0, ROWS).image(), WAIT);
        assertInstanceOf(PushOutcome.Queued.class, first);
        station.close();
        station.close();

        assertEquals(1, heard.size(), "the frame queued before close has its one result");
        PushOutcome after = station.push(simulator.frame(ROWS, ROWS).image());
        PushOutcome.Refused refused = assertInstanceOf(PushOutcome.Refused.class, after);
        assertEquals(PushOutcome.Reason.CLOSED, refused.reason());
        assertTrue(refused.message().contains(config.stationId()), refused.message());
        assertEquals(1, heard.size(), "no listener call after close");
    }

    @Test
    void aPushBeyondTheFrameLimitIsRefused(@TempDir Path tmp) throws Exception {
        StationConfig config = demo(tmp);
        PanelSimulator simulator = new PanelSimulator((SimulatedCameraSettings) config.camera());
        try (Station station = Station.open(config, pushing().withFrameLimit(1))) {
            assertInstanceOf(PushOutcome.Queued.class, station.push(simulator.frame(0, ROWS).image(), WAIT));
            PushOutcome second = station.push(simulator.frame(ROWS, ROWS).image(), WAIT);
            assertEquals(PushOutcome.Reason.FRAME_LIMIT, assertInstanceOf(PushOutcome.Refused.class, second).reason());
            assertTrue(station.awaitFinished(WAIT), "the station ends after its one frame");
            assertEquals(1, station.counters().results());
        }
    }

    @Test
    void aPassChangeAppliesFromTheNextFrameAndAHaltedStationRefusesFrames(@TempDir Path tmp) throws Exception {
        StationConfig config = demo(tmp);
        PanelSimulator simulator = new PanelSimulator((SimulatedCameraSettings) config.camera());
        try (Station station = Station.open(config, pushing())) {
            assertInstanceOf(PushOutcome.Queued.class, station.push(simulator.frame(0, ROWS).image(), WAIT));
            InspectionResult before = station.results().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(before);
            assertEquals(0, before.deblurPasses());

            assertEquals(2, station.setPasses(2).iterations());
            assertInstanceOf(PushOutcome.Queued.class, station.push(simulator.frame(ROWS, ROWS).image(), WAIT));
            InspectionResult after = station.results().poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(after);
            assertEquals(2, after.deblurPasses());
            assertEquals(Station.HOST_USER, station.recipes().audit().get(0).user());

            station.stateMachine().halt(0, "host pauses the line");
            assertEquals(VisionState.HALTED, station.state());
            PushOutcome halted = station.push(simulator.frame(2 * ROWS, ROWS).image());
            assertEquals(PushOutcome.Reason.NOT_EXECUTING,
                    assertInstanceOf(PushOutcome.Refused.class, halted).reason());
        }
    }

    @Test
    void aStationOnItsOwnSimulatedCameraScoresItsVerdictsAgainstTheTruthAndRefusesPushes(@TempDir Path tmp)
            throws Exception {
        StationConfig config = demo(tmp);
        try (Station station = Station.open(config, StationOptions.defaults().withOpcUaServer(false)
                .withFrameLimit(2))) {
            PushOutcome pushed = station.push(new PanelSimulator((SimulatedCameraSettings) config.camera())
                    .frame(0, ROWS).image());
            assertEquals(PushOutcome.Reason.OWN_SOURCE, assertInstanceOf(PushOutcome.Refused.class, pushed).reason());
            assertTrue(station.awaitFinished(WAIT), "two frames within a minute");
            assertEquals(2, station.results().size());
            TruthScore truth = station.truthAccuracy().orElseThrow();
            assertEquals(2, truth.frames().judged());
            assertTrue(station.opcUaEndpoint().isEmpty());
        }
    }
}
