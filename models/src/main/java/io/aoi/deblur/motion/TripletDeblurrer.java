package io.aoi.deblur.motion;

import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;

/**
 * Restores the centre frame of three consecutive frames of a motion sequence.
 *
 * <p>The three images have the same size, channel count and bit depth; the result matches them. Callers
 * serialise calls. {@link #close()} frees native resources and is idempotent.
 */
public interface TripletDeblurrer extends AutoCloseable {

    /** Short name for logs and results. */
    String name();

    /**
     * @param previous the frame before {@code current} (at the start of a run: {@code current} itself)
     * @param current  the frame to restore; none of the three is modified
     * @param next     the frame after {@code current} (at the end of a run: {@code current} itself)
     */
    Image deblur(Image previous, Image current, Image next) throws DeblurException;

    /**
     * Makes a call in progress on another thread end soon with a {@link DeblurException}, and every later call
     * fail; for a station that is stopping and must neither wait for the frame nor free the model under a running
     * call. Any thread; idempotent. Implementations that cannot stop a running call do nothing.
     */
    default void abort() {
    }

    @Override
    void close();
}
