package io.aoi.plugin.pipeline;

import io.aoi.deblur.PlaneDeblurrer;
import io.aoi.deblur.RestoredPlane;
import java.util.Arrays;

/** A deblurrer whose every output sample is NaN, as a broken model's would be. */
final class NanDeblurrer extends PlaneDeblurrer {
    @Override
    public String name() {
        return "nan";
    }

    @Override
    protected RestoredPlane restorePlane(float[] plane, int width, int height, int passes) {
        float[] out = new float[plane.length];
        Arrays.fill(out, Float.NaN);
        return RestoredPlane.of(out);
    }
}
