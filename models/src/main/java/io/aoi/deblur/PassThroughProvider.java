package io.aoi.deblur;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.ModelNeeds;

/** {@code model: none}: frames go to the detector as captured ({@link PassThroughDeblurrer}). */
public final class PassThroughProvider implements DeblurrerProvider {
    private static final ModelNeeds NEEDS = new ModelNeeds(1, ModelNeeds.Passes.ONCE, false);

    @Override
    public String name() {
        return DeblurModel.NONE.name();
    }

    /** One frame; nothing to restore, so regions do not apply. */
    @Override
    public ModelNeeds needs() {
        return NEEDS;
    }

    @Override
    public Deblurrer open(DeblurSettings settings) {
        return new PassThroughDeblurrer();
    }
}
