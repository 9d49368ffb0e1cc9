package io.aoi.camera.assembly;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.GrabResult;
import io.aoi.camera.LineSource;
import io.aoi.camera.SourceCounters;
import io.aoi.config.FrameAssemblySettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;

/**
 * Frames assembled from a {@link LineSource} by a {@link FrameAssembler}. Grab outcomes map to frame
 * outcomes: strips feed the assembler; an incomplete strip yields the dropped frame; {@code Lost} yields
 * {@code SourceLost} (after the dropped partial frame, if any); a grab timeout yields {@code TimedOut};
 * {@code Ended} yields the remaining lines as a last, shorter frame, then {@code Ended}.
 *
 * <p>{@link #next(Duration)} waits at most about {@code timeout} in total, over as many grabs as a frame
 * needs; lines already grabbed are kept for the next call. Owns the line source: closing this closes it.
 * Threads: as {@link FrameSource}.
 */
public final class StripFrameSource implements FrameSource {
    private final LineSource lines;
    private final FrameAssemblySettings settings;
    private final FrameAssembler assembler;
    private final ArrayDeque<FrameResult> pending = new ArrayDeque<>();
    private boolean ended;
    /** The last loss reported, until data arrives again; written by the consumer thread, read by any. */
    private volatile FrameResult.SourceLost outage;

    public StripFrameSource(LineSource lines, FrameAssemblySettings settings) {
        this.lines = lines;
        this.settings = settings;
        this.assembler = new FrameAssembler(settings, lines.describe());
    }

    @Override
    public String describe() {
        return lines.describe() + ", frames of " + settings.frameHeight() + " lines overlapping "
                + settings.overlapLines();
    }

    @Override
    public void start() throws CameraException {
        lines.start();
    }

    @Override
    public FrameResult next(Duration timeout) throws CameraException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.isEmpty()) {
            if (ended) {
                return new FrameResult.Ended();
            }
            Duration remaining = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            GrabResult grab = lines.grab(remaining);
            if (grab instanceof GrabResult.Grabbed grabbed) {
                outage = null;
                pending.addAll(assembler.add(grabbed.strip()));
            } else if (grab instanceof GrabResult.Incomplete incomplete) {
                outage = null;
                pending.addAll(assembler.incomplete(incomplete));
            } else if (grab instanceof GrabResult.Lost lost) {
                pending.addAll(assembler.sourceLost(lost.reason()));
                FrameResult.SourceLost sourceLost = new FrameResult.SourceLost(lost.reason(), lost.loss());
                outage = sourceLost;
                pending.add(sourceLost);
            } else if (grab instanceof GrabResult.Ended) {
                pending.addAll(assembler.end(Instant.now()));
                ended = true;
            } else if (grab instanceof GrabResult.TimedOut) {
                return new FrameResult.TimedOut();
            }
            if (pending.isEmpty() && System.nanoTime() - deadline >= 0 && !ended) {
                return new FrameResult.TimedOut();
            }
        }
        return pending.poll();
    }

    @Override
    public Optional<FrameResult.SourceLost> outage() {
        return Optional.ofNullable(outage);
    }

    @Override
    public SourceCounters counters() {
        return lines.counters();
    }

    @Override
    public void close() {
        lines.close();
    }
}
