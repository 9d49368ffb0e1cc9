package io.aoi.plugin.deblur;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.motion.SlidingWindow;
import io.aoi.deblur.motion.TripletDeblurrer;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.image.Image;
import java.util.function.IntSupplier;

/**
 * A three-frame model that only tests install: each sample becomes the median of itself and the same sample of the
 * previous and next frames. It shows that the pipeline treats any three-frame model as it treats the motion model.
 */
public final class Median3Provider implements DeblurrerProvider {
    public static final String NAME = "test_median3";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelNeeds needs() {
        return new ModelNeeds(3, ModelNeeds.Passes.IGNORED, false);
    }

    @Override
    public Deblurrer open(DeblurSettings settings) throws DeblurException {
        throw new DeblurException(NAME + " reads three frames; it runs only as a stage");
    }

    @Override
    public <T> DeblurStage<T> openStage(DeblurSettings settings, IntSupplier passes) {
        return new SlidingWindow<>(new TripletDeblurrer() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Image deblur(Image previous, Image current, Image next) {
                return median(previous, current, next);
            }

            @Override
            public void close() {
                // holds nothing
            }
        });
    }

    /** The sample-wise median of three images of one format: the expected output, for the tests. */
    public static Image median(Image a, Image b, Image c) {
        short[] out = new short[b.samples().length];
        for (int i = 0; i < out.length; i++) {
            int x = a.samples()[i] & 0xFFFF;
            int y = b.samples()[i] & 0xFFFF;
            int z = c.samples()[i] & 0xFFFF;
            out[i] = (short) Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
        }
        return new Image(b.width(), b.height(), b.channels(), b.bitDepth(), out);
    }
}
