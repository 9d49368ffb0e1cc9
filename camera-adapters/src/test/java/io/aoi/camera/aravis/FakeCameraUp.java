package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;

/**
 * A freshly started {@link FakeGigECamera} child process needs a moment before it answers: opens it as soon as it
 * does. Each failed attempt (a {@link CameraException}: not found yet) is retried every 200 ms.
 */
final class FakeCameraUp {
    private FakeCameraUp() {
    }

    /**
     * @param what what is opened, for the failure message
     * @throws org.awaitility.core.ConditionTimeoutException when no attempt succeeds within {@code atMost}
     */
    static <T> T open(String what, Callable<T> open, Duration atMost) {
        return Awaitility.await("the fake GigE camera at " + FakeGigECamera.ADDRESS + " answering: " + what)
                .atMost(atMost).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(CameraException.class)
                .until(open, Objects::nonNull);
    }
}
