package io.aoi.camera;

import java.util.ArrayDeque;

/**
 * Lines per second over a sliding window of about one second, for {@link SourceCounters#measuredLineRateHz()}.
 * Thread-safe: a source records from its acquisition thread while counters are read from others.
 */
public final class LineRateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ArrayDeque<long[]> events = new ArrayDeque<>();

    /** Records {@code lines} lines delivered at {@code nanoTime} (a {@link System#nanoTime()} value). */
    public synchronized void record(long nanoTime, int lines) {
        events.addLast(new long[] {nanoTime, lines});
        trim(nanoTime);
    }

    /** Lines per second between the oldest and newest delivery in the window; 0 with fewer than two. */
    public synchronized double linesPerSecond(long nanoTime) {
        trim(nanoTime);
        if (events.size() < 2) {
            return 0;
        }
        long span = events.peekLast()[0] - events.peekFirst()[0];
        if (span <= 0) {
            return 0;
        }
        long lines = 0;
        boolean first = true;
        for (long[] e : events) {
            if (!first) {
                lines += e[1];
            }
            first = false;
        }
        return lines * 1e9 / span;
    }

    /** Forgets every delivery, e.g. after an outage, so that the gap does not lower the next reading. */
    public synchronized void reset() {
        events.clear();
    }

    private void trim(long now) {
        while (events.size() > 2 && now - events.peekFirst()[0] > WINDOW_NANOS) {
            events.removeFirst();
        }
    }
}
