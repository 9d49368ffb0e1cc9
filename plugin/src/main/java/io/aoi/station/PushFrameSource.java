package io.aoi.station;

import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.SourceCounters;
import io.aoi.image.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Frames a host hands in, as a {@link FrameSource} for the pipeline: a bounded queue. Each queued frame gets the
 * next frame id (from 0), line position 0, no overlap and no gap: pushed frames are independent images. Once
 * {@link #seal sealed} it refuses new frames and, when empty, reports {@link FrameResult.Ended}, so that the pipeline
 * finishes every frame it has taken.
 *
 * <p>Threads: any number of host threads call {@link #offer}; the pipeline's capture thread calls {@link #next};
 * {@link #seal} and {@link #close} from any thread. Ownership of a queued image passes to the station (an
 * {@link Image} is immutable by contract).
 */
final class PushFrameSource implements FrameSource {
    static final String NAME = "host frames";

    private final BlockingQueue<Frame> queue;
    private final int capacity;
    private long nextFrameId;
    private boolean sealed;

    PushFrameSource(int capacity) {
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
    }

    /**
     * Queues a frame, waiting up to {@code wait} for room.
     *
     * @return {@link PushOutcome.Queued} or a refusal: {@code QUEUE_FULL} or {@code CLOSED}
     */
    PushOutcome offer(Image image, Duration wait) throws InterruptedException {
        Objects.requireNonNull(image, "image");
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (this) {
                if (sealed) {
                    return new PushOutcome.Refused(PushOutcome.Reason.CLOSED, "the station is closed");
                }
                Frame frame = Frame.whole(nextFrameId, Instant.now(), NAME, image);
                if (queue.offer(frame)) {
                    nextFrameId++;
                    return new PushOutcome.Queued(frame.frameId());
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new PushOutcome.Refused(PushOutcome.Reason.QUEUE_FULL, "the push queue holds "
                            + capacity + " frame(s) the station has not taken yet");
                }
                // woken by next() taking a frame, or by seal()
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /** Frames queued and not yet taken by the pipeline. */
    int queued() {
        return queue.size();
    }

    /** Refuses every later frame; the queued ones are still delivered, then the source ends. Idempotent. */
    synchronized void seal() {
        sealed = true;
        notifyAll();
    }

    /** Seals the source and takes out the frames the pipeline never took. */
    List<Frame> takeLeftovers() {
        seal();
        List<Frame> left = new ArrayList<>();
        queue.drainTo(left);
        return left;
    }

    @Override
    public String describe() {
        return NAME;
    }

    @Override
    public void start() {
    }

    @Override
    public FrameResult next(Duration timeout) throws InterruptedException {
        Frame frame = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (frame != null) {
            synchronized (this) {
                notifyAll();
            }
            return new FrameResult.Ready(frame);
        }
        synchronized (this) {
            return sealed && queue.isEmpty() ? new FrameResult.Ended() : new FrameResult.TimedOut();
        }
    }

    @Override
    public SourceCounters counters() {
        return SourceCounters.NONE;
    }

    /** Seals the source; frames still queued stay for {@link #takeLeftovers}. Idempotent. */
    @Override
    public void close() {
        seal();
    }
}
