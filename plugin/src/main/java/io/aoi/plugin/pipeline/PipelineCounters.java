package io.aoi.plugin.pipeline;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the pipeline's threads update and anyone may read. All methods are thread-safe.
 */
public final class PipelineCounters {
    final AtomicLong framesIn = new AtomicLong();
    final AtomicLong completed = new AtomicLong();
    final AtomicLong ok = new AtomicLong();
    final AtomicLong ng = new AtomicLong();
    final AtomicLong noDecision = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final Latency deblur = new Latency();
    final Latency detect = new Latency();
    final Latency total = new Latency();
    private final long startedNanos = System.nanoTime();

    /** Frames that entered the pipeline (each one ends in exactly one result). */
    public long framesIn() {
        return framesIn.get();
    }

    public long completed() {
        return completed.get();
    }

    public long ok() {
        return ok.get();
    }

    public long ng() {
        return ng.get();
    }

    /** Completed results without a decision (never counted as OK or NG). */
    public long noDecision() {
        return noDecision.get();
    }

    public long failed() {
        return failed.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Results recorded so far, of every outcome. */
    public long results() {
        return completed.get() + failed.get() + dropped.get();
    }

    public double deblurMillisMean() {
        return deblur.meanMillis();
    }

    public double detectMillisMean() {
        return detect.meanMillis();
    }

    public double totalMillisMean() {
        return total.meanMillis();
    }

    /** Results per second since the pipeline was created. */
    public double resultsPerSecond() {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        return seconds <= 0 ? 0 : results() / seconds;
    }
}
