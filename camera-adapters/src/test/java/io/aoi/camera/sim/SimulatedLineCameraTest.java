package io.aoi.camera.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.CameraException;
import io.aoi.camera.GrabResult;
import io.aoi.camera.Strip;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.testing.Threads;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedLineCameraTest {

    private static SimulatedCameraSettings settings(double lineRateHz) {
        return SimulatedCameraSettings.DEFAULTS.withWidthPx(128).withLineRateHz(lineRateHz)
                .withDefocusSigmaPx(1.0).withParticlesPerBump(10).withSeed(99);
    }

    @Test
    void deliversConsecutiveStripsOfThePanel() throws Exception {
        try (SimulatedLineCamera camera = new SimulatedLineCamera(settings(0), 50)) {
            camera.start();
            for (int n = 0; n < 4; n++) {
                Strip strip = ((GrabResult.Grabbed) camera.grab(Duration.ofSeconds(1))).strip();
                assertEquals(n, strip.sequence());
                assertEquals(n * 50L, strip.firstLine());
                assertEquals(50, strip.lines().height());
                assertArrayEquals(camera.simulator().render(n * 50L, 50).samples(), strip.lines().samples());
            }
            assertEquals(4, camera.counters().stripsReceived());
        }
    }

    @Test
    void pacedCameraTimesOutWhenTheNextStripIsNotDueYet() throws Exception {
        // 10 lines per strip at 20 lines/s: one strip every 500 ms.
        try (SimulatedLineCamera camera = new SimulatedLineCamera(settings(20), 10)) {
            camera.start();
            GrabResult early = camera.grab(Duration.ofMillis(20));
            assertInstanceOf(GrabResult.TimedOut.class, early);
            GrabResult later = camera.grab(Duration.ofSeconds(5));
            assertEquals(0, ((GrabResult.Grabbed) later).strip().sequence());
        }
    }

    @Test
    void measuresTheLineRateItIsPacedTo() throws Exception {
        try (SimulatedLineCamera camera = new SimulatedLineCamera(settings(2000), 20)) {
            camera.start();
            for (int i = 0; i < 30; i++) {
                assertInstanceOf(GrabResult.Grabbed.class, camera.grab(Duration.ofSeconds(2)));
            }
            double measured = camera.counters().measuredLineRateHz();
            assertTrue(measured > 1000 && measured < 4000, "measured " + measured + " lines/s at 2000");
            assertEquals(2000, camera.counters().configuredLineRateHz());
        }
    }

    @Test
    void closeWakesABlockedGrab() throws Exception {
        SimulatedLineCamera camera = new SimulatedLineCamera(settings(1), 100); // first strip due after 100 s
        camera.start();
        AtomicReference<GrabResult> result = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread grabber = new Thread(() -> {
            try {
                result.set(camera.grab(Duration.ofSeconds(60)));
            } catch (CameraException | InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                done.countDown();
            }
        });
        grabber.start();
        Threads.awaitBlockedIn(grabber, SimulatedLineCamera.class, "grab", Duration.ofSeconds(10));
        camera.close();
        camera.close();
        assertTrue(done.await(5, TimeUnit.SECONDS));
        assertInstanceOf(GrabResult.Ended.class, result.get());
    }

    @Test
    void grabBeforeStartIsAnError() {
        try (SimulatedLineCamera camera = new SimulatedLineCamera(settings(0), 10)) {
            CameraException e = assertThrows(CameraException.class, () -> camera.grab(Duration.ofMillis(10)));
            assertTrue(e.getMessage().contains("start"), e.getMessage());
        }
    }
}
