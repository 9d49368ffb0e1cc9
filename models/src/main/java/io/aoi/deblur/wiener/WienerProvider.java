package io.aoi.deblur.wiener;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.ModelNeeds;

/** {@code model: wiener}: the classical baseline ({@link WienerDeblurrer}) with the section's PSF settings. */
public final class WienerProvider implements DeblurrerProvider {
    private static final ModelNeeds NEEDS = ModelNeeds.singleFrame(ModelNeeds.Passes.ONCE);

    @Override
    public String name() {
        return DeblurModel.WIENER.name();
    }

    @Override
    public ModelNeeds needs() {
        return NEEDS;
    }

    @Override
    public Deblurrer open(DeblurSettings settings) {
        return new WienerDeblurrer(settings);
    }
}
