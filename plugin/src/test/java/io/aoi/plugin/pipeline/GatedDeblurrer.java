package io.aoi.plugin.pipeline;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import io.aoi.testing.Pace;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A named stand-in for a model that returns the frame unchanged: each call counts {@code entered} down, waits for
 * {@code gate} (failing after 10 s, so that a test that never opens it fails rather than hangs), then lets
 * {@code work} pass, as a slow model's work would.
 */
final class GatedDeblurrer implements Deblurrer {
    private final String name;
    private final CountDownLatch entered;
    private final CountDownLatch gate;
    private final Duration work;

    GatedDeblurrer(String name, CountDownLatch entered, CountDownLatch gate, Duration work) {
        this.name = name;
        this.entered = entered;
        this.gate = gate;
        this.work = work;
    }

    /** Waits for {@code gate} only. */
    static GatedDeblurrer gated(String name, CountDownLatch gate) {
        return new GatedDeblurrer(name, new CountDownLatch(1), gate, Duration.ZERO);
    }

    /** Never waits for a gate; every frame takes {@code work}. */
    static GatedDeblurrer slow(String name, Duration work) {
        return new GatedDeblurrer(name, new CountDownLatch(1), new CountDownLatch(0), work);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Image deblur(Image frame, int passes) throws DeblurException {
        entered.countDown();
        try {
            if (!gate.await(10, TimeUnit.SECONDS)) {
                throw new DeblurException(name + ": gate not opened");
            }
            Pace.elapse(work); // a slow model's work, the scenario of the test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeblurException(name + ": interrupted");
        }
        return frame;
    }

    @Override
    public void close() {
    }
}
