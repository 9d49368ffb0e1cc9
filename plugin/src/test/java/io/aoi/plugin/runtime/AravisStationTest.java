package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.SourceCounters;
import io.aoi.camera.SourceState;
import io.aoi.camera.aravis.AravisCameras;
import io.aoi.camera.aravis.FakeGigECamera;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.DeblurModel;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.config.StationConfig;
import io.aoi.opcua.VisionState;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.results.InspectionResult;
import io.aoi.results.journal.ResultJournal;
import io.aoi.testing.RequiresFakeGigECamera;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole station on Aravis's simulated GigE Vision camera on loopback, configured as a line scanner: strips
 * become frames, frames become journaled results, and a camera that dies mid-stream and comes back leaves a
 * recorded gap and a running station.
 */
@RequiresFakeGigECamera
class AravisStationTest {
    private static final int LINES_PER_BUFFER = 16;
    private static final double LINE_RATE_HZ = LINES_PER_BUFFER * 400.0;

    private static StationConfig station(Path tmp) throws Exception {
        StationConfig demo = DemoStations.demo(tmp, DeblurModel.NONE, 0);
        AravisCameraSettings camera = AravisCameraSettings.DEFAULTS.withCameraId(FakeGigECamera.ADDRESS)
                .withWidthPx(256).withLinesPerBuffer(LINES_PER_BUFFER).withLineRateHz(LINE_RATE_HZ)
                .withPacketSocket(false).withGrabTimeout(Duration.ofMillis(500))
                .withReconnectBackoffMax(Duration.ofSeconds(1));
        return new StationConfig("gige-loopback", camera, new FrameAssemblySettings(LINES_PER_BUFFER, 64, 16),
                demo.deblur(), demo.detector(), demo.opcua(), demo.outputs());
    }

    @Test
    @Timeout(150)
    void stationResumesAfterTheCameraIsLostAndRecordsTheGap(@TempDir Path tmp) throws Exception {
        StationConfig config = station(tmp);
        FakeGigECamera camera = FakeGigECamera.start("STATION1", tmp.resolve("camera.log").toFile());
        StationRuntime station = null;
        double rateBeforeLossHz;
        double secondsToNotice;
        try {
            waitFor(() -> cameraVisible("STATION1"), Duration.ofSeconds(15), "fake camera on loopback");
            station = StationRuntime.start(config, 0);
            StationRuntime s = station;
            PipelineCounters c = s.pipeline().counters();

            waitFor(() -> s.source().counters().stripsReceived() >= 200, Duration.ofSeconds(40),
                    "200 strips before the outage");
            rateBeforeLossHz = s.source().counters().measuredLineRateHz();
            long killedNanos = System.nanoTime();
            camera.kill();
            waitFor(() -> s.pipeline().sourceState() instanceof SourceState.Lost, Duration.ofSeconds(30),
                    "the station notices the camera is gone");
            secondsToNotice = (System.nanoTime() - killedNanos) / 1e9;
            long resultsDuringOutage = c.results();

            camera = FakeGigECamera.start("STATION1", tmp.resolve("camera.log").toFile());
            waitFor(() -> s.source().counters().reconnects() == 1 && c.results() >= resultsDuringOutage + 10,
                    Duration.ofSeconds(40), "ten more results after the camera is back");
        } finally {
            if (station != null) {
                station.close();
            }
            camera.close();
        }

        SourceCounters sc = station.source().counters();
        PipelineCounters c = station.pipeline().counters();
        assertEquals(c.framesIn(), c.results(), "every frame that entered has one result");
        assertTrue(sc.stripsReceived() >= 200, sc.toString());
        // 48 new lines per frame (64 rows, 16 shared): the frames account for the strips received
        long linesInFrames = c.framesIn() * 48;
        assertTrue(linesInFrames <= sc.stripsReceived() * LINES_PER_BUFFER + 64,
                "no frame is made of lines that were not received: " + c.framesIn() + " frames, " + sc);
        try (ResultJournal journal = ResultJournal.open(config.outputs().journalDir(), 30, 64L << 20)) {
            List<InspectionResult> all = journal.list(Instant.EPOCH, Instant.now().plusSeconds(60), Optional.empty(),
                    100_000);
            assertEquals(c.results(), all.size());
            // strips dropped on a loaded loopback also leave small gaps; the outage is the largest one, and it
            // spans at least the lines the camera would have sent until the station noticed it was gone
            long largestGap = all.stream().mapToLong(InspectionResult::gapLinesBefore).max().orElse(0);
            double expectedAtLeast = 0.5 * rateBeforeLossHz * secondsToNotice;
            assertTrue(largestGap >= expectedAtLeast, "largest gap " + largestGap + " lines; the camera ran at "
                    + rateBeforeLossHz + " lines/s and was gone " + secondsToNotice + " s before the station noticed");
        }
    }

    @Test
    @Timeout(150)
    void aCameraThatComesBackUnableToServePutsTheStationInErrorUntilItServesAgain(@TempDir Path tmp)
            throws Exception {
        StationConfig config = station(tmp);
        File log = tmp.resolve("camera.log").toFile();
        FakeGigECamera camera = FakeGigECamera.start("STATION2", log);
        StationRuntime station = null;
        try {
            waitFor(() -> cameraVisible("STATION2"), Duration.ofSeconds(15), "fake camera on loopback");
            File smallSensor = tmp.resolve("small-sensor.xml").toFile();
            Files.writeString(smallSensor.toPath(), FakeGigECamera.descriptionWithSensorWidth(200));
            station = StationRuntime.start(config, 0);
            StationRuntime s = station;
            waitFor(() -> s.pipeline().counters().results() >= 3, Duration.ofSeconds(40), "results before");
            assertEquals(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION, s.server().state());

            camera.kill();
            camera = FakeGigECamera.start("STATION2", smallSensor, log); // 200 px sensor, the station reads 256
            waitFor(() -> s.server().state() == VisionState.ERROR, Duration.ofSeconds(40),
                    "the station in Error while the camera cannot serve it");
            SourceState.Incompatible incompatible = assertInstanceOf(SourceState.Incompatible.class,
                    s.pipeline().sourceState());
            assertTrue(incompatible.reason().contains("cannot serve the station"), incompatible.text());

            camera.kill();
            camera = FakeGigECamera.start("STATION2", log);
            long resultsInError = s.pipeline().counters().results();
            waitFor(() -> s.server().state() == VisionState.OPERATIONAL_CONTINUOUS_EXECUTION
                    && s.pipeline().counters().results() >= resultsInError + 3, Duration.ofSeconds(40),
                    "the station back in continuous execution with new results");
        } finally {
            if (station != null) {
                station.close();
            }
            camera.close();
        }
    }

    private static boolean cameraVisible(String serial) {
        try {
            return AravisCameras.list().stream().anyMatch(c -> c.serial().equals(serial));
        } catch (Exception e) {
            throw new AssertionError("Aravis must load for this test: " + e.getMessage(), e);
        }
    }

    private static void waitFor(Callable<Boolean> condition, Duration limit, String what) {
        Awaitility.await(what).atMost(limit).pollInterval(Duration.ofMillis(50)).until(condition);
    }
}
