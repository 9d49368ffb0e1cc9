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

    /**
     * Whether frames come at the source's own rate ({@link Pacing#LIVE}: a camera, which cannot wait; frames that
     * find the pipeline busy are dropped or restored with the fallback model) or wait until they are asked for
     * ({@link Pacing#ON_DEMAND}: the pipeline calls {@link #next(Duration)} only when it has room, so none is dropped
     * for overload). A source that can wait must say so, and must then not lose frames by being read later; one
     * that does not override this is live. Constant for the source's life, never null; any thread.
     */
    default Pacing pacing() {
        return Pacing.LIVE;
    }

    @Override
    void close();
}
