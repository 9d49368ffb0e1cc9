package io.aoi.deblur;

import io.aoi.image.Image;

/** The {@code none} model: returns frames as they are. Holds no resources. */
public final class PassThroughDeblurrer implements Deblurrer {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public Image deblur(Image frame, int passes) {
        return frame;
    }

    @Override
    public void close() {
        // nothing to free
    }
}
