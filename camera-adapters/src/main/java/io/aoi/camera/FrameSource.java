package io.aoi.camera;

import java.time.Duration;
import java.util.Optional;

/**
 * Frames for the inspection pipeline. Same thread rules as {@link LineSource}: one consumer thread calls
 * {@link #next(Duration)}; {@link #close()} may come from any thread and is idempotent.
 */
public interface FrameSource extends AutoCloseable {

    String describe();

    void start() throws CameraException;

    FrameResult next(Duration timeout) throws CameraException, InterruptedException;

    SourceCounters counters();

    /**
     * Why the source cannot deliver now: the last {@link FrameResult.SourceLost} it returned, until data arrives
     * again; empty while it delivers (and for sources that cannot be lost). Any thread.
     */
    default Optional<FrameResult.SourceLost> outage() {
        return Optional.empty();
    }

    @Override
    void close();
}
