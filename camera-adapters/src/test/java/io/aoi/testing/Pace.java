package io.aoi.testing;

import java.time.Duration;

/**
 * Time that is part of a test's scenario and passes on purpose: the work of a deliberately slow model, the seeded
 * moment at which a process is killed. It never waits for a state; a test that waits for something to happen uses
 * Awaitility or a latch instead.
 */
public final class Pace {
    private Pace() {
    }

    /** Lets {@code time} pass on the calling thread, as the scenario prescribes. */
    public static void elapse(Duration time) throws InterruptedException {
        Thread.sleep(time.toMillis());
    }
}
