package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.CameraException;
import io.aoi.camera.GrabResult;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.Strip;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.InvalidSettingException;
import io.aoi.testing.RequiresAravis;
import io.aoi.testing.Threads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The source against Aravis's in-process simulated camera {@code Fake_1}. */
@RequiresAravis
class FakeCameraSourceTest {
    private static final String FAKE = "Fake_1";

    @Test
    void opensFakeCameraByIdAndReportsConfiguredGeometry() throws Exception {
        try (AravisLineSource source = AravisLineSource.open(TestSettings.camera(FAKE, 256, 16, 16 * 100.0,
                "Mono8"))) {
            assertEquals(256, source.widthPx());
            assertEquals(16, source.linesPerStrip());
            assertEquals(8, source.bitDepth());
            assertTrue(source.describe().contains(FAKE), source.describe());
            assertEquals(1600.0, source.counters().configuredLineRateHz(), 1.0);
        }
    }

    @Test
    void grabsStripsWithSequentialSequenceNumbers() throws Exception {
        try (AravisLineSource source = AravisLineSource.open(TestSettings.camera(FAKE, 128, 16, 16 * 200.0,
                "Mono8"))) {
            source.start();
            List<Strip> strips = grab(source, 20);
            for (int i = 0; i < strips.size(); i++) {
                Strip s = strips.get(i);
                assertEquals(i, s.sequence());
                assertEquals(i * 16L, s.firstLine());
                assertEquals(128, s.lines().width());
                assertEquals(16, s.lines().height());
                assertEquals(8, s.lines().bitDepth());
            }
            SourceCounters c = source.counters();
            assertEquals(20, c.stripsReceived());
            assertEquals(0, c.stripsIncomplete());
            assertEquals(0, c.stripsDropped());
        }
    }

    @Test
    void mono16GivesSixteenBitStrips() throws Exception {
        try (AravisLineSource source = AravisLineSource.open(TestSettings.camera(FAKE, 64, 8, 8 * 200.0,
                "Mono16"))) {
            source.start();
            Strip s = grab(source, 1).get(0);
            assertEquals(16, s.lines().bitDepth());
            assertEquals(64, s.lines().width());
            assertEquals(8, s.lines().height());
        }
    }

    @Test
    void rejectsMono12PackedAndRgb8WithAllowedFormats() {
        for (String format : List.of("Mono12Packed", "RGB8")) {
            InvalidSettingException e = assertThrows(InvalidSettingException.class,
                    () -> TestSettings.camera(FAKE, 64, 8, 0, format));
            assertTrue(e.getMessage().contains(format), e.getMessage());
            assertTrue(e.getMessage().contains("Mono8, Mono10, Mono12, Mono16"), e.getMessage());
            CameraException c = assertThrows(CameraException.class, () -> MonoFormat.fromGenicamName(format));
            assertTrue(c.getMessage().contains(format), c.getMessage());
            assertTrue(c.getMessage().contains("Mono8, Mono10, Mono12, Mono16"), c.getMessage());
        }
    }

    @Test
    void refusesAFormatTheCameraDoesNotAccept() {
        // Fake_1 offers Mono8 and Mono16 (and colour formats), but no Mono12.
        CameraException e = assertThrows(CameraException.class,
                () -> AravisLineSource.open(TestSettings.camera(FAKE, 64, 8, 0, "Mono12")).close());
        assertTrue(e.getMessage().contains(FAKE), e.getMessage());
        assertTrue(e.getMessage().contains("Mono12"), e.getMessage());
    }

    @Test
    void refusesALineRateTheCameraCannotReach() {
        // Fake_1 runs at most 1000 buffers/s: 16 lines per buffer cap the line rate at 16000 lines/s.
        CameraException e = assertThrows(CameraException.class,
                () -> AravisLineSource.open(TestSettings.camera(FAKE, 64, 16, 100_000, "Mono8")).close());
        assertTrue(e.getMessage().contains(FAKE), e.getMessage());
        assertTrue(e.getMessage().contains("lineRateHz 100000"), e.getMessage());
    }

    @Test
    void unknownCameraIdGivesExceptionNamingIt() {
        CameraException e = assertThrows(CameraException.class,
                () -> AravisLineSource.open(TestSettings.camera("NoSuchCamera-4711", 64, 8, 0, "Mono8")).close());
        assertTrue(e.getMessage().contains("NoSuchCamera-4711"), e.getMessage());
    }

    @Test
    void unknownFeatureGivesExceptionNamingFeatureAndCamera() {
        AravisCameraSettings settings = TestSettings.camera(FAKE, 64, 8, 0, "Mono8",
                List.of(new AravisCameraSettings.GenicamFeature("NoSuchFeature", "1")), Duration.ofSeconds(1));
        CameraException e = assertThrows(CameraException.class, () -> AravisLineSource.open(settings).close());
        assertTrue(e.getMessage().contains("NoSuchFeature"), e.getMessage());
        assertTrue(e.getMessage().contains(FAKE), e.getMessage());
    }

    @Test
    void closeIsIdempotentAndLaterGrabsEnd() throws Exception {
        AravisLineSource source = AravisLineSource.open(TestSettings.camera(FAKE, 64, 8, 8 * 100.0, "Mono8"));
        source.start();
        source.close();
        source.close();
        assertInstanceOf(GrabResult.Ended.class, source.grab(Duration.ofMillis(100)));
    }

    @Test
    void closeUnblocksAWaitingGrab() throws Exception {
        // One buffer every 5 s: after the first, a 30 s grab would wait for seconds.
        AravisLineSource source = AravisLineSource.open(TestSettings.camera(FAKE, 64, 4, 4 * 0.2, "Mono8")
                .withBufferCount(4).withGrabTimeout(Duration.ofSeconds(30))
                .withReconnectBackoffMax(Duration.ofSeconds(1)));
        source.start();
        CompletableFuture<GrabResult> last = new CompletableFuture<>();
        Thread grabber = new Thread(() -> {
            try {
                GrabResult r;
                do {
                    r = source.grab(Duration.ofSeconds(30));
                } while (!(r instanceof GrabResult.Ended));
                last.complete(r);
            } catch (Exception | AssertionError e) {
                last.completeExceptionally(e);
            }
        }, "grabber");
        grabber.start();
        try {
            Threads.awaitBlockedIn(grabber, AravisLineSource.class, "grab", Duration.ofSeconds(10));
            source.close();
            assertInstanceOf(GrabResult.Ended.class, last.get(5, TimeUnit.SECONDS));
        } finally {
            source.close();
            grabber.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Test
    void grabWaitsNoLongerThanTheConfiguredGrabTimeout() throws Exception {
        // 0.2 buffers/s; grabTimeout is 500 ms, so a 30 s grab comes back TimedOut with the configured wait.
        try (AravisLineSource source = AravisLineSource.open(TestSettings.camera(FAKE, 64, 4, 4 * 0.2, "Mono8"))) {
            source.start();
            GrabResult r;
            int grabs = 0;
            do {
                assertTrue(grabs++ < 20, "the camera kept delivering");
                r = source.grab(Duration.ofSeconds(30));
            } while (r instanceof GrabResult.Grabbed);
            assertEquals(new GrabResult.TimedOut(Duration.ofMillis(500)), r);
        }
    }

    @Test
    void listsTheFakeCameraOnceEnabled() throws Exception {
        AravisCameras.enableFakeCamera();
        assertTrue(AravisCameras.list().stream().anyMatch(c -> c.id().equals(FAKE)), AravisCameras.list()::toString);
    }

    private static List<Strip> grab(AravisLineSource source, int n) throws Exception {
        List<Strip> strips = new ArrayList<>();
        int attempts = 0;
        while (strips.size() < n) {
            assertTrue(attempts++ < n + 20, "too many empty grabs");
            GrabResult r = source.grab(Duration.ofSeconds(2));
            if (r instanceof GrabResult.Grabbed g) {
                strips.add(g.strip());
            } else {
                throw new AssertionError("expected a strip, got " + r);
            }
        }
        return strips;
    }
}
