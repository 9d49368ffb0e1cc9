package io.aoi.camera.aravis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Releases sessions whose camera was lost, on a short-lived daemon thread per session: tearing down a GigE
 * Vision device that no longer answers waits for its control-channel time-outs (seconds), which must not hold up
 * the grab thread. The source's close waits for these releases so that nothing native outlives it.
 */
final class SessionReleaser {
    private final List<Thread> pending = new ArrayList<>();

    /** Starts releasing {@code session} (without stopping acquisition: the camera is gone). */
    synchronized void release(AravisSession session) {
        pending.removeIf(t -> !t.isAlive());
        Thread t = new Thread(() -> session.close(false), "aravis-release");
        t.setDaemon(true);
        pending.add(t);
        t.start();
    }

    /**
     * Waits until every release started so far has finished, at most {@code limit} in total.
     *
     * @return true when all finished
     */
    boolean awaitAll(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        List<Thread> threads;
        synchronized (this) {
            threads = new ArrayList<>(pending);
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            long left = deadline - System.nanoTime();
            while (t.isAlive() && left > 0) {
                try {
                    t.join(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    interrupted = true;
                    break;
                }
                left = deadline - System.nanoTime();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
