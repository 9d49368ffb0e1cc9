package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.GrabResult;
import io.aoi.camera.SourceLoss;
import io.aoi.config.AravisCameraSettings;
import io.aoi.testing.RequiresFakeGigECamera;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A GigE camera that is power-cycled comes back at its power-on settings. With {@code widthPx: 0} (keep the
 * camera's width) the station must still get the width it ran with: the source writes back the first
 * connection's settings. The fake camera is a child process; killing and restarting it is the power cycle, and
 * its power-on width is its default.
 */
@RequiresFakeGigECamera
class CameraComesBackDifferentTest {
    private static final int LINES = 16;
    private static final int STATION_WIDTH = 1024;
    private static final Duration GRAB = Duration.ofMillis(500);

    @TempDir
    Path tmp;

    /** Keeps the camera's width, line rate, exposure and gain. */
    private static AravisCameraSettings keepTheCamerasValues() {
        return TestSettings.camera(FakeGigECamera.ADDRESS, 0, LINES, 0, "Mono8", List.of(), Duration.ofSeconds(1));
    }

    @Test
    @Timeout(120)
    void aPowerCycledCameraIsPutBackToTheWidthOfTheFirstConnection() throws Exception {
        File log = tmp.resolve("fake-camera.log").toFile();
        FakeGigECamera camera = FakeGigECamera.start("AOI05", log);
        try {
            int powerOnWidth = setWidthWhenUp(STATION_WIDTH);
            assertNotEquals(STATION_WIDTH, powerOnWidth, "the test needs a power-on width that differs");
            try (AravisLineSource source = AravisLineSource.open(keepTheCamerasValues())) {
                assertEquals(STATION_WIDTH, source.widthPx());
                source.start();
                GrabResult.Grabbed before = nextStrip(source, 40);
                assertNotNull(before, "strips before the power cycle: " + source.counters());
                assertEquals(STATION_WIDTH, before.strip().lines().width());

                camera.kill();
                GrabResult.Lost lost = nextLoss(source, 40);
                assertEquals(SourceLoss.UNREACHABLE, lost.loss());

                camera = FakeGigECamera.start("AOI05", log);
                GrabResult.Grabbed back = nextStrip(source, 120);
                assertNotNull(back, "acquisition resumed: " + source.counters());
                assertEquals(STATION_WIDTH, back.strip().lines().width());
                assertEquals(1, source.counters().reconnects());
            }
        } finally {
            camera.close();
        }
    }

    @Test
    @Timeout(120)
    void aCameraThatComesBackUnableToServeIsReportedIncompatibleAndRetried() throws Exception {
        File log = tmp.resolve("fake-camera-small.log").toFile();
        FakeGigECamera camera = FakeGigECamera.start("AOI06", log);
        try {
            setWidthWhenUp(STATION_WIDTH);
            File smallSensor = tmp.resolve("small-sensor.xml").toFile();
            java.nio.file.Files.writeString(smallSensor.toPath(), FakeGigECamera.descriptionWithSensorWidth(800));
            try (AravisLineSource source = AravisLineSource.open(keepTheCamerasValues())) {
                source.start();
                assertNotNull(nextStrip(source, 40), "strips before the power cycle: " + source.counters());

                camera.kill();
                nextLoss(source, 40);
                camera = FakeGigECamera.start("AOI06", smallSensor, log);
                GrabResult.Lost incompatible = null;
                for (int i = 0; i < 120 && incompatible == null; i++) {
                    if (source.grab(GRAB) instanceof GrabResult.Lost l && l.loss() == SourceLoss.INCOMPATIBLE) {
                        incompatible = l;
                    }
                }
                assertNotNull(incompatible, "the smaller camera is reported as unable to serve: " + source.counters());
                assertTrue(incompatible.reason().contains("cannot serve the station")
                        && incompatible.reason().contains("exceeds the sensor width 800"), incompatible.reason());
                assertEquals(0, source.counters().reconnects());

                camera.kill();
                camera = FakeGigECamera.start("AOI06", log);
                GrabResult.Grabbed back = nextStrip(source, 120);
                assertNotNull(back, "the source kept retrying and the right camera serves again: "
                        + source.counters());
                assertEquals(STATION_WIDTH, back.strip().lines().width());
                assertEquals(1, source.counters().reconnects());
            }
        } finally {
            camera.close();
        }
    }

    /** Sets the running camera's width, as a vendor tool would before the station starts; returns the old one. */
    private static int setWidthWhenUp(int width) throws Exception {
        AravisLibrary lib = AravisNative.library();
        try (AravisCamera camera = FakeCameraUp.open("open the camera", () -> AravisCamera.open(lib, FakeGigECamera.ADDRESS),
                Duration.ofSeconds(10))) {
            int[] region = camera.region();
            camera.setRegion(region[0], region[1], width, LINES);
            return region[2];
        }
    }

    private static GrabResult.Grabbed nextStrip(AravisLineSource source, int maxGrabs) throws Exception {
        for (int i = 0; i < maxGrabs; i++) {
            if (source.grab(GRAB) instanceof GrabResult.Grabbed g) {
                return g;
            }
        }
        return null;
    }

    private static GrabResult.Lost nextLoss(AravisLineSource source, int maxGrabs) throws Exception {
        for (int i = 0; i < maxGrabs; i++) {
            if (source.grab(GRAB) instanceof GrabResult.Lost lost) {
                return lost;
            }
        }
        throw new AssertionError("no loss reported within " + maxGrabs + " grabs: " + source.counters());
    }
}
