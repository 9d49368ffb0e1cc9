package io.aoi.deblur;

import io.aoi.image.Image;

/**
 * Restores a blurred frame. Engine-neutral: implementations may run OpenCV, ONNX Runtime or plain Java.
 *
 * <p>Input and output have the same size, channel count and bit depth. Colour images are restored channel
 * by channel unless the implementation says otherwise.
 *
 * <p>Threads: one frame at a time; callers serialise calls. {@link #close()} frees native resources and is
 * idempotent; a closed deblurrer throws {@link IllegalStateException}.
 */
public interface Deblurrer extends AutoCloseable {

    /** Short name for logs and results, for example {@code udbd x2}. */
    String name();

    /**
     * @param frame  the blurred frame; not modified
     * @param passes how many times an iterative model is applied, 0 to 3; 0 returns the frame unchanged.
     *               Models that are not iterative apply themselves once for any passes &ge; 1.
     */
    Image deblur(Image frame, int passes) throws DeblurException;

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
