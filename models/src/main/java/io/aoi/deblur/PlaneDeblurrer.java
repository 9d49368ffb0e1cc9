package io.aoi.deblur;

import io.aoi.config.DeblurSettings;
import io.aoi.image.Image;

/**
 * A deblurrer that restores one float plane at a time: it checks the call, scales each channel to [0, 1],
 * restores it, checks the result ({@link DeblurOutputCheck}: a model that outputs NaN or leaves the range fails
 * with {@link DeblurOutputException} instead of returning a black frame) and scales back to the frame's bit depth.
 * Colour frames are restored channel by channel.
 *
 * <p>Subclasses implement {@link #restore} and, when they hold native resources, {@link #release()};
 * {@link #close()} calls it once.
 */
public abstract class PlaneDeblurrer implements Deblurrer {
    private volatile boolean closed;

    @Override
    public final Image deblur(Image frame, int passes) throws DeblurException {
        if (closed) {
            throw new IllegalStateException(name() + " is closed");
        }
        if (passes < 0 || passes > DeblurSettings.MAX_ITERATIONS) {
            throw new IllegalArgumentException("passes = " + passes + "; allowed: 0 to "
                    + DeblurSettings.MAX_ITERATIONS);
        }
        if (passes == 0) {
            return frame;
        }
        int w = frame.width();
        int h = frame.height();
        float[][] planes = new float[frame.channels()][];
        for (int c = 0; c < planes.length; c++) {
            planes[c] = restore(frame.channelAsFloat(c), w, h, passes);
            DeblurOutputCheck.check(name(), planes[c]);
        }
        return Image.fromFloatChannels(w, h, frame.bitDepth(), planes);
    }

    /**
     * @param plane  one channel, row-major, samples in [0, 1]; may be modified
     * @param passes 1 to 3
     * @return the restored plane, same size; values outside [0, 1] are clipped by the caller
     */
    protected abstract float[] restore(float[] plane, int width, int height, int passes) throws DeblurException;

    /** Frees what the deblurrer holds; called once, by the first {@link #close()}. */
    protected void release() {
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
