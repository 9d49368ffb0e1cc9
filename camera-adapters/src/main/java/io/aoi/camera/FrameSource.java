package io.aoi.camera;

import java.time.Duration;

/**
 * Frames for the inspection pipeline. Same thread rules as {@link LineSource}: one consumer thread calls
 * {@link #next(Duration)}; {@link #close()} may come from any thread and is idempotent.
 */
public interface FrameSource extends AutoCloseable {

    String describe();

    void start() throws CameraException;

    FrameResult next(Duration timeout) throws CameraException, InterruptedException;

    SourceCounters counters();

    @Override
    void close();
}
