package io.aoi.camera.aravis;

import java.time.Duration;

/**
 * Exponential back-off between reconnection attempts: the first retry comes after {@link #INITIAL}, each
 * failure doubles the wait, capped at the configured maximum. Not thread-safe (grab thread only).
 */
final class ReconnectBackoff {
    static final Duration INITIAL = Duration.ofMillis(250);

    private final long maxNanos;
    private long currentNanos;
    private long nextAttemptNanos;

    ReconnectBackoff(Duration max) {
        this.maxNanos = max.toNanos();
        reset(0);
    }

    /** Starts a new outage at {@code nowNanos}: the first attempt is due after the initial wait. */
    void reset(long nowNanos) {
        currentNanos = Math.min(INITIAL.toNanos(), maxNanos);
        nextAttemptNanos = nowNanos + currentNanos;
    }

    /** Records a failed attempt at {@code nowNanos} and schedules the next one, doubling the wait. */
    void failed(long nowNanos) {
        currentNanos = Math.min(currentNanos * 2, maxNanos);
        nextAttemptNanos = nowNanos + currentNanos;
    }

    /** When the next attempt is due, on the {@link System#nanoTime()} scale. */
    long nextAttemptNanos() {
        return nextAttemptNanos;
    }

    /** The wait that led to the next attempt. */
    Duration currentWait() {
        return Duration.ofNanos(currentNanos);
    }
}
