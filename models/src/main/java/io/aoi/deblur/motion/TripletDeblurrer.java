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

    @Override
    void close();
}
