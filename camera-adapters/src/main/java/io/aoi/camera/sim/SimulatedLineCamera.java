package io.aoi.camera.sim;

import io.aoi.camera.CameraException;
import io.aoi.camera.GrabResult;
import io.aoi.camera.LineRateMeter;
import io.aoi.camera.LineSource;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.Strip;
import io.aoi.config.SimulatedCameraSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A line-scan camera over an endless {@link PanelSimulator} panel. Strip n carries lines
 * [n * linesPerStrip, (n + 1) * linesPerStrip) and sequence number n; it never ends and never loses strips.
 *
 * <p>Pacing: with a line rate, strip n is released no earlier than (n + 1) * linesPerStrip / lineRateHz
 * after {@link #start()}; a grab whose timeout runs out first returns {@link GrabResult.TimedOut}. A line rate
 * of 0 renders as fast as possible. Rendering is done on the grabbing thread.
 *
 * <p>Threads: as {@link LineSource}; {@link #close()} wakes a waiting grab, and grabs after close return
 * {@link GrabResult.Ended}.
 */
public final class SimulatedLineCamera implements LineSource {
    private final PanelSimulator simulator;
    private final int linesPerStrip;
    private final LineRateMeter meter = new LineRateMeter();
    private final Object lock = new Object();

    private boolean started;
    private boolean closed;
    private long startNanos;
    private long nextSequence;
    private volatile long stripsReceived;

    /**
     * @param linesPerStrip lines in each strip, 1 or more
     */
    public SimulatedLineCamera(SimulatedCameraSettings settings, int linesPerStrip) {
        if (linesPerStrip < 1) {
            throw new IllegalArgumentException("linesPerStrip = " + linesPerStrip + "; allowed: 1 or more");
        }
        this.simulator = new PanelSimulator(settings);
        this.linesPerStrip = linesPerStrip;
    }

    /** The panel this camera looks at, for ground truth. */
    public PanelSimulator simulator() {
        return simulator;
    }

    public int linesPerStrip() {
        return linesPerStrip;
    }

    @Override
    public String describe() {
        SimulatedCameraSettings s = simulator.settings();
        return "simulated ACF line-scan camera (" + s.widthPx() + " px, " + s.bitDepth() + "-bit, seed "
                + s.seed() + ")";
    }

    @Override
    public int widthPx() {
        return simulator.settings().widthPx();
    }

    @Override
    public void start() throws CameraException {
        synchronized (lock) {
            if (closed) {
                throw new CameraException(describe() + " is closed and cannot be started again");
            }
            if (!started) {
                started = true;
                startNanos = System.nanoTime();
            }
        }
    }

    @Override
    public GrabResult grab(Duration timeout) throws CameraException, InterruptedException {
        long sequence;
        synchronized (lock) {
            if (closed) {
                return new GrabResult.Ended();
            }
            if (!started) {
                throw new CameraException(describe() + ": grab before start()");
            }
            sequence = nextSequence;
            double rate = simulator.settings().lineRateHz();
            if (rate > 0) {
                long due = startNanos + (long) ((sequence + 1) * (double) linesPerStrip * 1e9 / rate);
                long timeoutNanos = timeout.toNanos();
                long deadline = System.nanoTime() + timeoutNanos;
                boolean inTime = due - System.nanoTime() <= timeoutNanos;
                long until = inTime ? due : deadline;
                long remaining;
                while (!closed && (remaining = until - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(lock, remaining);
                }
                if (closed) {
                    return new GrabResult.Ended();
                }
                if (!inTime) {
                    return new GrabResult.TimedOut(timeout);
                }
            }
            nextSequence++;
        }
        long firstLine = sequence * linesPerStrip;
        Strip strip = new Strip(sequence, firstLine, Instant.now(), simulator.render(firstLine, linesPerStrip));
        stripsReceived = sequence + 1;
        meter.record(System.nanoTime(), linesPerStrip);
        return new GrabResult.Grabbed(strip);
    }

    @Override
    public SourceCounters counters() {
        return new SourceCounters(stripsReceived, 0, 0, 0, 0, meter.linesPerSecond(System.nanoTime()),
                simulator.settings().lineRateHz());
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
