package io.aoi.plugin.deblur;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PassThroughDeblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.deblur.motion.MotionDeblurrer;
import io.aoi.deblur.motion.SlidingWindow;
import io.aoi.deblur.onnx.UdbdDeblurrer;
import io.aoi.deblur.wiener.WienerDeblurrer;
import java.util.function.IntSupplier;

/**
 * Opens the deblurrer a station's {@code deblur.model} names. The only place that knows every engine; the
 * pipeline and the commands see {@link Deblurrer} alone.
 */
public final class Deblurrers {
    private Deblurrers() {
    }

    /**
     * The stream stage for a station's model: the motion model as a sliding three-frame window, every other
     * model frame by frame with {@code passes} read for every frame. The caller owns and closes the stage.
     */
    public static <T> DeblurStage<T> stage(DeblurSettings settings, IntSupplier passes) throws DeblurException {
        if (settings.model() == DeblurModel.MOTION) {
            return new SlidingWindow<>(MotionDeblurrer.open(settings));
        }
        return new SingleFrameStage<>(open(settings), passes);
    }

    /** The caller owns the returned deblurrer and closes it. */
    public static Deblurrer open(DeblurSettings settings) throws DeblurException {
        return switch (settings.model()) {
            case NONE -> new PassThroughDeblurrer();
            case WIENER -> new WienerDeblurrer(settings);
            case UDBD, UDBD_ACF -> new UdbdDeblurrer(settings);
            case MOTION -> throw new DeblurException("model 'motion' restores a frame from its neighbours; open it "
                    + "with Deblurrers.stage and hand it the frames in order");
        };
    }
}
