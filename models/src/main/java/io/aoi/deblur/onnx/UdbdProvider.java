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
 * Iterative, single-frame, restores regions. The general model was trained on photographs and panels turned
 * every way and restores any DIC shear direction; the ACF models were trained on panels lit from +x only
 * ({@link #ACF_SHEAR_DIRECTION_DEG}, their model cards), so the pipeline turns a station's frames towards it.
 */
public class UdbdProvider implements DeblurrerProvider {
    /** The DIC shear direction the ACF models were trained on, degrees (bright half towards +x). */
    public static final double ACF_SHEAR_DIRECTION_DEG = 0;

    private static final ModelNeeds NEEDS = ModelNeeds.singleFrame(ModelNeeds.Passes.ITERATIVE);

    private final DeblurModel model;
    private final ModelNeeds needs;

    public UdbdProvider() {
        this(DeblurModel.UDBD, NEEDS);
    }

    private UdbdProvider(DeblurModel model, ModelNeeds needs) {
        this.model = model;
        this.needs = needs;
    }

    @Override
    public final String name() {
        return model.name();
    }

    /** The ONNX file of {@code deblur.modelFile}, else the shipped one. */
    @Override
    public final boolean readsModelFile() {
        return true;
    }

    @Override
    public final ModelNeeds needs() {
        return needs;
    }

    /** The settings' model file, else the shipped model of this provider's name. */
    @Override
    public final Deblurrer open(DeblurSettings settings) throws DeblurException {
        return new UdbdDeblurrer(settings);
    }

    /** {@code model: udbd_acf}. */
    public static final class Acf extends UdbdProvider {
        public Acf() {
            super(DeblurModel.UDBD_ACF, NEEDS.withShearDirectionDeg(ACF_SHEAR_DIRECTION_DEG));
        }
    }

    /** {@code model: udbd_acf_lite}. */
    public static final class AcfLite extends UdbdProvider {
        public AcfLite() {
            super(DeblurModel.UDBD_ACF_LITE, NEEDS.withShearDirectionDeg(ACF_SHEAR_DIRECTION_DEG));
        }
    }
}
