package io.aoi.camera;

import java.util.ArrayDeque;

/**
 * Lines per second over a sliding window of one second, for {@link SourceCounters#measuredLineRateHz()}.
 * Reading never forgets a delivery (only {@link #record} and {@link #reset} do), so a reading taken at the last
 * delivery after a long silence still gives the rate before the silence. Thread-safe: a source records from its
 * acquisition thread while counters are read from others.
 */
public final class LineRateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final ArrayDeque<long[]> events = new ArrayDeque<>();

    /** Records {@code lines} lines delivered at {@code nanoTime} (a {@link System#nanoTime()} value). */
    public synchronized void record(long nanoTime, int lines) {
        events.addLast(new long[] {nanoTime, lines});
        while (nanoTime - events.peekFirst()[0] > WINDOW_NANOS) {
            events.removeFirst();
        }
    }

    /**
     * Lines per second between the oldest and newest delivery in the second up to {@code nanoTime}; 0 with fewer
     * than two deliveries in it (a source that has gone quiet reads 0).
     */
    public synchronized double linesPerSecond(long nanoTime) {
        long first = Long.MIN_VALUE;
        long last = Long.MIN_VALUE;
        long lines = 0;
        for (long[] e : events) {
            if (e[0] > nanoTime || nanoTime - e[0] > WINDOW_NANOS) {
                continue;
            }
            if (first == Long.MIN_VALUE) {
                first = e[0];
            } else {
                lines += e[1];
            }
            last = e[0];
        }
        return last > first ? lines * 1e9 / (last - first) : 0;
    }

    /** Forgets every delivery, e.g. after an outage, so that the gap does not lower the next reading. */
    public synchronized void reset() {
        events.clear();
    }
}
