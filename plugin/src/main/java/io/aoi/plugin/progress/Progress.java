package io.aoi.plugin.progress;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Progress of one long piece of work counted in steps (frames, files, evaluation cells), with an ETA.
 *
 * <p>On a terminal it redraws one line ({@code \r}) at most every {@value #TERMINAL_REDRAW_MILLIS} ms; when the
 * output is not a terminal (CI, a log file) it prints a plain line every {@code plainInterval} instead, so logs
 * stay readable. {@link #close()} prints the closing line ({@code task: N/N done in T}) once; it is idempotent.
 * The ETA is the mean time per finished step times the steps left.
 *
 * <p>Threads: {@link #step()} may be called from any thread; output lines are never interleaved.
 */
public final class Progress implements AutoCloseable {
    static final long TERMINAL_REDRAW_MILLIS = 200;
    /** How often a plain (non-terminal) progress line is printed unless told otherwise. */
    public static final Duration PLAIN_INTERVAL = Duration.ofSeconds(10);

    private final String task;
    private final long totalSteps;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private final long intervalNanos;
    private final long startedNanos;
    private long done;
    private long lastPrintNanos;
    private boolean closed;

    Progress(String task, long totalSteps, PrintStream out, boolean terminal, LongSupplier nanoClock,
            Duration plainInterval) {
        if (totalSteps < 0) {
            throw new IllegalArgumentException("totalSteps must be >= 0, got " + totalSteps);
        }
        this.task = Objects.requireNonNull(task, "task");
        this.totalSteps = totalSteps;
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
        this.intervalNanos = terminal ? Duration.ofMillis(TERMINAL_REDRAW_MILLIS).toNanos() : plainInterval.toNanos();
        this.startedNanos = nanoClock.getAsLong();
        this.lastPrintNanos = startedNanos;
    }

    /**
     * Progress on {@code out} (normally {@code System.err}, so that results on stdout stay clean), drawn in
     * place when the process has a console, else as a plain line every {@link #PLAIN_INTERVAL}.
     */
    public static Progress start(String task, long totalSteps, PrintStream out) {
        return new Progress(task, totalSteps, out, System.console() != null, System::nanoTime, PLAIN_INTERVAL);
    }

    /** Progress that prints nothing, for library callers that report no progress. */
    public static Progress silent() {
        return new Progress("", 0, null, false, System::nanoTime, PLAIN_INTERVAL);
    }

    /** One more step finished. */
    public void step() {
        advance(1);
    }

    /** {@code steps} more steps finished. */
    public synchronized void advance(long steps) {
        done = Math.min(totalSteps, done + steps);
        long now = nanoClock.getAsLong();
        if (out != null && !closed && now - lastPrintNanos >= intervalNanos) {
            lastPrintNanos = now;
            String line = line(now);
            if (terminal) {
                out.print("\r" + line + "   ");
            } else {
                out.println(line);
            }
            out.flush();
        }
    }

    /** Steps finished so far. */
    public synchronized long done() {
        return done;
    }

    /** The progress line as it would be printed now, e.g. {@code evaluate: 12/40 (30 %), 1m02s elapsed, ETA 2m24s}. */
    synchronized String line(long nowNanos) {
        long elapsed = nowNanos - startedNanos;
        String eta = done == 0 ? "ETA unknown" : "ETA " + duration((long) ((double) elapsed / done * (totalSteps - done)));
        return String.format(Locale.ROOT, "%s: %d/%d (%.0f %%), %s elapsed, %s", task, done, totalSteps,
                totalSteps == 0 ? 100.0 : 100.0 * done / totalSteps, duration(elapsed), eta);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (out != null) {
            String end = String.format(Locale.ROOT, "%s: %d/%d done in %s", task, done, totalSteps,
                    duration(nanoClock.getAsLong() - startedNanos));
            out.println(terminal ? "\r" + end + " ".repeat(24) : end);
            out.flush();
        }
    }

    static String duration(long nanos) {
        long s = Math.round(nanos / 1e9);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
