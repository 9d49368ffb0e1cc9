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
                pending.addAll(assembler.add(grabbed.strip()));
            } else if (grab instanceof GrabResult.Incomplete incomplete) {
                pending.addAll(assembler.incomplete(incomplete));
            } else if (grab instanceof GrabResult.Lost lost) {
                pending.addAll(assembler.sourceLost(lost.reason()));
                pending.add(new FrameResult.SourceLost(lost.reason(), lost.loss()));
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
    public SourceCounters counters() {
        return lines.counters();
    }

    @Override
    public void close() {
        lines.close();
    }
}
