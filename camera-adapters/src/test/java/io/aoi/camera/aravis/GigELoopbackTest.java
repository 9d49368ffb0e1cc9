package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.GrabResult;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.Strip;
import io.aoi.camera.assembly.StripFrameSource;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.testing.RequiresFakeGigECamera;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The source against Aravis's simulated GigE Vision camera running as a child process on 127.0.0.1: line-scan
 * like geometry, strip accounting, camera loss and reconnection.
 */
@RequiresFakeGigECamera
class GigELoopbackTest {
    private static final int LINES = 16;
    private static final Duration GRAB = Duration.ofMillis(500);

    @TempDir
    Path tmp;

    private static AravisCameraSettings settings() {
        return AravisCameraSettings.DEFAULTS.withCameraId(FakeGigECamera.ADDRESS).withWidthPx(256)
                .withLinesPerBuffer(LINES).withLineRateHz(LINES * 500.0).withPacketSocket(false).withGrabTimeout(GRAB)
                .withReconnectBackoffMax(Duration.ofSeconds(1));
    }

    /** Tallies what the grabs returned. */
    private static final class Tally {
        long grabbed;
        long incomplete;
        long maxSequence = -1;
        long lastGrabbedSequence = -1;
        final List<Strip> strips = new ArrayList<>();

        /** @return true for a strip or an incomplete buffer */
        boolean add(GrabResult r) {
            if (r instanceof GrabResult.Grabbed g) {
                Strip s = g.strip();
                assertTrue(s.sequence() > lastGrabbedSequence, "sequence must increase: " + s.sequence());
                assertEquals(s.sequence() * LINES, s.firstLine());
                assertEquals(256, s.lines().width());
                assertEquals(LINES, s.lines().height());
                lastGrabbedSequence = s.sequence();
                maxSequence = Math.max(maxSequence, s.sequence());
                grabbed++;
                strips.add(s);
                return true;
            }
            if (r instanceof GrabResult.Incomplete i) {
                maxSequence = Math.max(maxSequence, i.sequence());
                incomplete++;
                return true;
            }
            return false;
        }

        void assertAccountedFor(SourceCounters c) {
            assertEquals(grabbed, c.stripsReceived());
            assertEquals(incomplete, c.stripsIncomplete());
            assertEquals(maxSequence + 1, c.stripsReceived() + c.stripsIncomplete() + c.stripsDropped(),
                    "every strip in the sequence span is received, incomplete or dropped: " + c);
        }
    }

    @Test
    @Timeout(60)
    void accountsForEveryStripAndReconnectsAfterCameraLoss() throws Exception {
        File log = tmp.resolve("fake-camera.log").toFile();
        FakeGigECamera camera = FakeGigECamera.start("AOI01", log);
        try (AravisLineSource source = openWhenUp(Duration.ofSeconds(10))) {
            assertTrue(source.describe().contains("AOI01"), source.describe());
            source.start();
            Tally tally = new Tally();
            for (int i = 0; i < 2000 && tally.grabbed + tally.incomplete < 300; i++) {
                tally.add(source.grab(GRAB));
            }
            assertTrue(tally.grabbed >= 150, "most strips arrive complete on loopback: " + source.counters());
            tally.assertAccountedFor(source.counters());

            camera.kill();
            GrabResult r;
            int grabs = 0;
            do {
                assertTrue(grabs++ < 40, "no Lost within 20 s of killing the camera");
                r = source.grab(GRAB);
                tally.add(r);
            } while (!(r instanceof GrabResult.Lost));
            long receivedAtLoss = source.counters().stripsReceived();
            for (int i = 0; i < 3; i++) {
                assertInstanceOf(GrabResult.Lost.class, source.grab(Duration.ofMillis(300)));
            }
            assertEquals(receivedAtLoss, source.counters().stripsReceived());
            assertEquals(0, source.counters().reconnects());
            long lastSequenceBeforeLoss = tally.maxSequence;

            camera = FakeGigECamera.start("AOI01", log);
            Strip firstAfter = null;
            for (int i = 0; i < 60 && firstAfter == null; i++) {
                r = source.grab(GRAB);
                tally.add(r);
                if (r instanceof GrabResult.Grabbed g) {
                    firstAfter = g.strip();
                }
            }
            if (firstAfter == null) {
                fail("acquisition did not resume within 30 s: " + source.counters());
            }
            assertEquals(1, source.counters().reconnects());
            assertTrue(firstAfter.sequence() > lastSequenceBeforeLoss + 1,
                    "the outage shows as a gap in sequence: " + lastSequenceBeforeLoss + " -> "
                            + firstAfter.sequence());
            assertTrue(firstAfter.firstLine() > (lastSequenceBeforeLoss + 1) * LINES);
            for (int i = 0; i < 1000 && tally.grabbed + tally.incomplete < 400; i++) {
                tally.add(source.grab(GRAB));
            }
            tally.assertAccountedFor(source.counters());
        } finally {
            camera.close();
        }
    }

    @Test
    @Timeout(60)
    void assembledFramesRecordTheOutageAsAGap() throws Exception {
        File log = tmp.resolve("fake-camera-frames.log").toFile();
        FakeGigECamera camera = FakeGigECamera.start("AOI03", log);
        FrameAssemblySettings assembly = new FrameAssemblySettings(LINES, 64, 16);
        try (FrameSource frames = new StripFrameSource(openWhenUp(Duration.ofSeconds(10)), assembly)) {
            frames.start();
            int ready = 0;
            for (int i = 0; i < 400 && ready < 20; i++) {
                if (frames.next(GRAB) instanceof FrameResult.Ready r) {
                    assertEquals(64, r.frame().image().height());
                    ready++;
                }
            }
            assertEquals(20, ready, "frames before the outage: " + frames.counters());

            camera.kill();
            FrameResult r;
            int calls = 0;
            do {
                assertTrue(calls++ < 200, "no SourceLost within the bound");
                r = frames.next(GRAB);
            } while (!(r instanceof FrameResult.SourceLost));

            camera = FakeGigECamera.start("AOI03", log);
            Frame afterOutage = null;
            for (int i = 0; i < 60 && afterOutage == null; i++) {
                if (frames.next(GRAB) instanceof FrameResult.Ready ok) {
                    afterOutage = ok.frame();
                }
            }
            if (afterOutage == null) {
                fail("no frame after the camera came back: " + frames.counters());
            }
            assertTrue(afterOutage.gapLinesBefore() > 0, "gap recorded: " + afterOutage);
            assertEquals(0, afterOutage.overlapTopRows());
            assertEquals(1, frames.counters().reconnects());
        } finally {
            camera.close();
        }
    }

    @Test
    @Timeout(30)
    void listsTheFakeGigECameraWithItsAddress() throws Exception {
        try (FakeGigECamera camera = FakeGigECamera.start("AOI02", tmp.resolve("list.log").toFile())) {
            List<CameraInfo> found = Awaitility.await("discovery lists the fake GigE camera AOI02")
                    .atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> AravisCameras.list().stream().filter(c -> c.serial().equals("AOI02")).toList(),
                            list -> !list.isEmpty());
            assertEquals(1, found.size(), "cameras: " + AravisCameras.list());
            assertEquals(FakeGigECamera.ADDRESS, found.get(0).address());
            assertEquals("GigEVision", found.get(0).protocol());
            assertTrue(camera.isAlive());
        }
    }

    /** The child process needs a moment to bind its port. */
    private static AravisLineSource openWhenUp(Duration limit) {
        return FakeCameraUp.open("open the source", () -> AravisLineSource.open(settings()), limit);
    }
}
