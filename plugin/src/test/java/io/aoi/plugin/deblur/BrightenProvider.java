package io.aoi.plugin.deblur;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.image.Image;

/**
 * A model that only tests install (listed in the test class path's service file): each pass adds {@link #STEP} to
 * every sample, saturating at full scale, so the output says which pixels it saw and how many passes ran.
 * Iterative, single-frame, restores regions.
 */
public final class BrightenProvider implements DeblurrerProvider {
    public static final String NAME = "test_brighten";
    public static final int STEP = 10;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelNeeds needs() {
        return ModelNeeds.singleFrame(ModelNeeds.Passes.ITERATIVE);
    }

    @Override
    public Deblurrer open(DeblurSettings settings) {
        return new Deblurrer() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Image deblur(Image frame, int passes) {
                return brightened(frame, passes);
            }

            @Override
            public void close() {
                // holds nothing
            }
        };
    }

    /** What the model makes of {@code frame}: the expected output, for the tests. */
    public static Image brightened(Image frame, int passes) {
        short[] in = frame.samples();
        short[] out = new short[in.length];
        for (int i = 0; i < in.length; i++) {
            out[i] = (short) Math.min(frame.maxValue(), (in[i] & 0xFFFF) + STEP * passes);
        }
        return new Image(frame.width(), frame.height(), frame.channels(), frame.bitDepth(), out);
    }
}
