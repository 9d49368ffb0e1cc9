package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void doublesFromInitialWaitUpToTheCap() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(2));
        b.reset(0);
        assertEquals(Duration.ofMillis(250).toNanos(), b.nextAttemptNanos());
        long[] expectedMillis = {500, 1000, 2000, 2000};
        long now = 0;
        for (long ms : expectedMillis) {
            now += 1_000_000;
            b.failed(now);
            assertEquals(Duration.ofMillis(ms), b.currentWait());
            assertEquals(now + Duration.ofMillis(ms).toNanos(), b.nextAttemptNanos());
        }
    }

    @Test
    void resetStartsOverAfterAnOutage() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(10));
        b.reset(0);
        b.failed(0);
        b.failed(0);
        b.reset(5_000);
        assertEquals(Duration.ofMillis(250), b.currentWait());
        assertEquals(5_000 + Duration.ofMillis(250).toNanos(), b.nextAttemptNanos());
    }

    @Test
    void capBelowTheInitialWaitIsHonoured() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100));
        b.reset(0);
        assertEquals(Duration.ofMillis(100), b.currentWait());
        b.failed(0);
        assertEquals(Duration.ofMillis(100), b.currentWait());
    }
}
