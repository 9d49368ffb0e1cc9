package io.aoi.deblur.motion;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.ModelNeeds;
import java.util.function.IntSupplier;

/**
 * {@code model: motion}: the three-frame motion deblurrer ({@link MotionDeblurrer}) in a {@link SlidingWindow}.
 * It restores each frame from its neighbours, so it runs only as a stage; it runs once per frame whatever the pass
 * count, and always restores whole frames.
 */
public final class MotionProvider implements DeblurrerProvider {
    private static final ModelNeeds NEEDS = new ModelNeeds(3, ModelNeeds.Passes.IGNORED, false);

    @Override
    public String name() {
        return DeblurModel.MOTION.name();
    }

    /** The ONNX file of {@code deblur.modelFile}, else the shipped one. */
    @Override
    public boolean readsModelFile() {
        return true;
    }

    @Override
    public ModelNeeds needs() {
        return NEEDS;
    }

    /** @throws DeblurException always: the model needs the neighbouring frames */
    @Override
    public Deblurrer open(DeblurSettings settings) throws DeblurException {
        throw new DeblurException("model 'motion' restores a frame from its neighbours; open it as a stage and hand "
                + "it the frames in order");
    }

    /** The window over the settings' model file, else the shipped model; {@code passes} is not read. */
    @Override
    public <T> DeblurStage<T> openStage(DeblurSettings settings, IntSupplier passes) throws DeblurException {
        return new SlidingWindow<>(MotionDeblurrer.open(settings));
    }
}
