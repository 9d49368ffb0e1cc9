package io.aoi.camera.aravis;

/**
 * Measures the delivered line rate over windows of about one second. {@link #record} is called from the grab
 * thread; {@link #lineRateHz()} from any thread.
 */
final class LineRateMeter {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private long windowStartNanos = -1;
    private long linesInWindow;
    private volatile double lineRateHz;

    /** Counts {@code lines} delivered at {@code nowNanos} ({@link System#nanoTime()} scale). */
    void record(int lines, long nowNanos) {
        if (windowStartNanos < 0) {
            windowStartNanos = nowNanos;
            return;
        }
        linesInWindow += lines;
        long elapsed = nowNanos - windowStartNanos;
        if (elapsed >= WINDOW_NANOS) {
            lineRateHz = linesInWindow * 1e9 / elapsed;
            windowStartNanos = nowNanos;
            linesInWindow = 0;
        }
    }

    /** Restarts the window, e.g. after an outage, so that the gap does not lower the next reading. */
    void restart() {
        windowStartNanos = -1;
        linesInWindow = 0;
        lineRateHz = 0;
    }

    /** Lines per second over the last complete window; 0 before the first one. */
    double lineRateHz() {
        return lineRateHz;
    }
}
