package io.aoi.deblur;

import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import java.util.List;

/**
 * The deblur step of a frame pipeline, for single-frame and multi-frame models alike.
 *
 * <p>Frames of one run (an uninterrupted sequence of the same scene, e.g. one panel passing the camera)
 * are handed over in capture order with {@link #accept}; each call returns the frames that are finished
 * by it, oldest first, each with the tag it was accepted with. A stage with {@link #delayFrames()} = d
 * returns frame k after frame k + d was accepted; {@link #endRun()} returns the frames still held and
 * starts a new run. Every accepted frame is returned exactly once.
 *
 * <p>Threads: one caller at a time. {@link #close()} frees the model and is idempotent; a closed stage
 * throws {@link IllegalStateException}.
 *
 * @param <T> the caller's per-frame tag, passed through untouched
 */
public interface DeblurStage<T> extends AutoCloseable {

    /** Short name for logs and results. */
    String name();

    /** How many later frames a frame waits for before it is restored: 0 or 1. */
    int delayFrames();

    /**
     * @param tag   the caller's identification of the frame, returned with its restored image
     * @param frame the captured frame; not modified
     * @return restored frames finished by this call, oldest first; possibly empty
     * @throws DeblurException when the model fails; the stage state is as before the call
     */
    List<Restored<T>> accept(T tag, Image frame) throws DeblurException;

    /**
     * Ends the current run: restores and returns the frames still held (oldest first) and forgets them.
     *
     * @throws DeblurException when the model fails; the held frames are dropped
     */
    List<Restored<T>> endRun() throws DeblurException;

    /**
     * The defocus estimate (sigma of the equivalent Gaussian, px) for the frames the last {@link #accept} returned,
     * {@code NaN} when the model makes none; see {@link DefocusEstimating}.
     */
    default double lastDefocusSigmaPx() {
        return Double.NaN;
    }

    /** Aborts the model's call in progress, as {@link Deblurrer#abort()}; any thread. */
    default void abort() {
    }

    @Override
    void close();
}
