package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.List;

/**
 * Restores a blurred frame. Engine-neutral: implementations may run OpenCV, ONNX Runtime or plain Java.
 *
 * <p>Input and output have the same size, channel count and bit depth. Colour images are restored channel
 * by channel unless the implementation says otherwise.
 *
 * <p>Three ways in, one model:
 * <ul>
 *   <li>{@link #deblur}: the restored frame;</li>
 *   <li>{@link #restore}: the restored frame and the defocus the deblurrer estimated (blind models);</li>
 *   <li>{@link #deblurRegions}: only the given rectangles of a frame, each restored with
 *       {@link #contextMarginPx()} of the frame around it as context, and one defocus estimate for the frame
 *       (blind models estimate it from those regions).</li>
 * </ul>
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

    /**
     * Like {@link #deblur}, with the defocus estimate of the input frame when the model makes one.
     * The default makes none.
     */
    default Restoration restore(Image frame, int passes) throws DeblurException {
        return Restoration.of(deblur(frame, passes));
    }

    /**
     * Pixels of the frame around a region that {@link #deblurRegions} reads as context, so that a restored
     * region matches the same pixels of a full-frame restoration. The default is 0 (a point operation).
     */
    default int contextMarginPx() {
        return 0;
    }

    /**
     * Restores only the given rectangles of a frame. Each is restored from itself plus up to
     * {@link #contextMarginPx()} pixels of the frame on every side (less at the frame's edges); overlapping
     * regions are restored independently. The default crops each grown region, calls {@link #deblur} on it
     * and cuts the region back out; blind models override it to estimate one kernel from all regions.
     *
     * @param frame   the blurred frame; not modified
     * @param regions rectangles inside the frame; may be empty
     * @param passes  as in {@link #deblur}
     * @throws IllegalArgumentException naming the region when one does not lie inside the frame
     */
    default RegionRestoration deblurRegions(Image frame, List<PixelRegion> regions, int passes)
            throws DeblurException {
        return RegionCrops.deblurEach(this, frame, regions, passes);
    }

    @Override
    void close();
}
