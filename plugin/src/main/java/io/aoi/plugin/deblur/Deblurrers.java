package io.aoi.plugin.deblur;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PassThroughDeblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.deblur.motion.MotionDeblurrer;
import io.aoi.deblur.motion.SlidingWindow;
import io.aoi.deblur.onnx.UdbdDeblurrer;
import io.aoi.deblur.region.RegionDeblurrer;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.deblur.wiener.WienerDeblurrer;
import java.util.Optional;
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

    /**
     * As {@link #stage(DeblurSettings, IntSupplier)}, restoring only the regions {@code bumps} finds when the
     * settings say {@code region: bumps} (single-frame models; the motion model always restores whole frames).
     */
    public static <T> DeblurStage<T> stage(DeblurSettings settings, IntSupplier passes, Optional<RegionFinder> bumps)
            throws DeblurException {
        if (settings.model() == DeblurModel.MOTION) {
            return stage(settings, passes);
        }
        return new SingleFrameStage<>(open(settings, bumps), passes);
    }

    /**
     * The model of {@code settings}, wrapped in a {@link RegionDeblurrer} over {@code bumps} with the settings'
     * margin when they say {@code region: bumps} and a finder is given. The caller owns and closes it.
     */
    public static Deblurrer open(DeblurSettings settings, Optional<RegionFinder> bumps) throws DeblurException {
        Deblurrer model = open(settings);
        return regional(model, settings, bumps);
    }

    /**
     * The cheaper deblurrer of {@code deblur.fallbackModel} for frames that find the main model busy, restoring
     * the same region as the main model. The caller owns and closes it.
     */
    public static Deblurrer fallback(DeblurSettings settings, Optional<RegionFinder> bumps) throws DeblurException {
        DeblurSettings cheap = settings.with(settings.policy().fallbackModel(), 1);
        return regional(open(cheap), cheap, bumps);
    }

    private static Deblurrer regional(Deblurrer model, DeblurSettings settings, Optional<RegionFinder> bumps) {
        if (settings.policy().region() != DeblurRegion.BUMPS || bumps.isEmpty()
                || settings.model() == DeblurModel.NONE) {
            return model;
        }
        // a tiled model mirrors tileOverlapPx of context around whatever it is given
        return new RegionDeblurrer(model, bumps.get(), settings.policy().regionMarginPx(), settings.tileOverlapPx());
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
