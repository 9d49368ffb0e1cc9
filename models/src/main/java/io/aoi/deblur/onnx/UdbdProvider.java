package io.aoi.deblur.onnx;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.ModelNeeds;

/**
 * {@code model: udbd}, the general UDBD-Net ({@link UdbdDeblurrer}); {@link Acf} is {@code model: udbd_acf}, the
 * same network fine-tuned on ACF panels, and {@link AcfLite} ({@code model: udbd_acf_lite}) its line-rate variant.
 * Iterative, single-frame, restores regions.
 */
public class UdbdProvider implements DeblurrerProvider {
    private static final ModelNeeds NEEDS = ModelNeeds.singleFrame(ModelNeeds.Passes.ITERATIVE);

    private final DeblurModel model;

    public UdbdProvider() {
        this(DeblurModel.UDBD);
    }

    private UdbdProvider(DeblurModel model) {
        this.model = model;
    }

    @Override
    public final String name() {
        return model.name();
    }

    @Override
    public final ModelNeeds needs() {
        return NEEDS;
    }

    /** The settings' model file, else the shipped model of this provider's name. */
    @Override
    public final Deblurrer open(DeblurSettings settings) throws DeblurException {
        return new UdbdDeblurrer(settings);
    }

    /** {@code model: udbd_acf}. */
    public static final class Acf extends UdbdProvider {
        public Acf() {
            super(DeblurModel.UDBD_ACF);
        }
    }

    /** {@code model: udbd_acf_lite}. */
    public static final class AcfLite extends UdbdProvider {
        public AcfLite() {
            super(DeblurModel.UDBD_ACF_LITE);
        }
    }
}
