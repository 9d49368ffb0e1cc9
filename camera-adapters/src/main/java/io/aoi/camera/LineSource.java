package io.aoi.camera;

import java.time.Duration;

/**
 * A line-scan camera, real or simulated, delivering strips of lines.
 *
 * <p>Threads: {@link #grab(Duration)} is called from one acquisition thread; {@link #counters()} from any
 * thread; {@link #close()} from any thread, and it makes a blocked grab return. Close is idempotent.
 */
public interface LineSource extends AutoCloseable {

    /** A human-readable description, such as the camera's model and serial number. */
    String describe();

    /** Line width in pixels, known once {@link #start()} has returned. */
    int widthPx();

    /** Starts acquisition. */
    void start() throws CameraException;

    /** Waits up to {@code timeout} for the next strip. */
    GrabResult grab(Duration timeout) throws CameraException, InterruptedException;

    SourceCounters counters();

    @Override
    void close();
}
