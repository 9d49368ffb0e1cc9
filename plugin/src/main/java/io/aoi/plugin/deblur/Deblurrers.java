package io.aoi.plugin.deblur;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.OrientedDeblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.deblur.region.RegionDeblurrer;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.DeblurrerRegistry;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.image.Image;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Opens the deblurrer a station's {@code deblur.model} names, through the installed providers
 * ({@link DeblurrerRegistry#installed()}); the pipeline and the commands see {@link Deblurrer} and
 * {@link DeblurStage} alone. A model that no provider answers to fails with the installed names; a provider that
 * fails with an unchecked exception is reported as a {@link DeblurException} naming it.
 */
public final class Deblurrers {
    /** The station's shear direction when no station is at hand: not known, so frames are not turned. */
    private static final ToDoubleFunction<Image> NOT_KNOWN = frame -> Double.NaN;

    private Deblurrers() {
    }

    /** The installed model names, built-in ones first: what station files and clients may name. */
    public static Set<String> names() {
        return DeblurrerRegistry.installed().names();
    }

    /** The installed model names whose needs pass {@code filter}, built-in ones first. */
    public static List<String> names(Predicate<ModelNeeds> filter) {
        return DeblurrerRegistry.installed().providers().stream().filter(p -> filter.test(p.needs()))
                .map(DeblurrerProvider::name).toList();
    }

    /**
     * What the model of {@code model} needs from the pipeline.
     *
     * @throws DeblurException when no provider of that name is installed
     */
    public static ModelNeeds needs(DeblurModel model) throws DeblurException {
        return provider(model).needs();
    }

    /**
     * The stream stage for a station's model, frame by frame for a single-frame model (with {@code passes} read
     * for every frame) or as the provider's own stage for a multi-frame one. The caller owns and closes the stage.
     */
    public static <T> DeblurStage<T> stage(DeblurSettings settings, IntSupplier passes) throws DeblurException {
        return stage(settings, passes, Optional.empty());
    }

    /**
     * As {@link #stage(DeblurSettings, IntSupplier)}, restoring only the regions {@code bumps} finds when the
     * settings say {@code region: bumps} and the model restores regions ({@link ModelNeeds#restoresRegions()}).
     * Frames are restored as given, not turned towards a model's shear direction: for a station, use
     * {@link #stage(DeblurSettings, IntSupplier, Optional, ToDoubleFunction)}.
     */
    public static <T> DeblurStage<T> stage(DeblurSettings settings, IntSupplier passes, Optional<RegionFinder> bumps)
            throws DeblurException {
        return stage(settings, passes, bumps, NOT_KNOWN);
    }

    /**
     * As {@link #stage(DeblurSettings, IntSupplier, Optional)}, with each frame of a model trained on one DIC shear
     * direction ({@link ModelNeeds#shearDirectionDeg()}) turned towards it from {@code stationShearDeg}, the
     * station's direction for that frame ({@link OrientedDeblurrer}).
     */
    public static <T> DeblurStage<T> stage(DeblurSettings settings, IntSupplier passes, Optional<RegionFinder> bumps,
            ToDoubleFunction<Image> stationShearDeg) throws DeblurException {
        DeblurrerProvider provider = provider(settings);
        if (regional(provider, settings, bumps) || provider.needs().shearDirectionDeg().isPresent()) {
            return new SingleFrameStage<>(open(settings, bumps, stationShearDeg), passes);
        }
        try {
            return provider.openStage(settings, passes);
        } catch (RuntimeException e) {
            throw failed(provider, e);
        }
    }

    /**
     * The model of {@code settings}, wrapped in a {@link RegionDeblurrer} over {@code bumps} with the settings'
     * margin when they say {@code region: bumps}, a finder is given and the model restores regions. The caller
     * owns and closes it.
     */
    public static Deblurrer open(DeblurSettings settings, Optional<RegionFinder> bumps) throws DeblurException {
        return open(settings, bumps, NOT_KNOWN);
    }

    /**
     * As {@link #open(DeblurSettings, Optional)}; a model trained on one DIC shear direction
     * ({@link ModelNeeds#shearDirectionDeg()}) is wrapped in an {@link OrientedDeblurrer} that turns each frame
     * towards it from {@code stationShearDeg} (the station's direction for the frame, degrees, NaN when not known),
     * inside the region wrapper, so bumps are found on the frame as captured.
     */
    public static Deblurrer open(DeblurSettings settings, Optional<RegionFinder> bumps,
            ToDoubleFunction<Image> stationShearDeg) throws DeblurException {
        DeblurrerProvider provider = provider(settings.model());
        Deblurrer model = open(settings);
        OptionalDouble trained = provider.needs().shearDirectionDeg();
        if (trained.isPresent()) {
            model = new OrientedDeblurrer(model, stationShearDeg, trained.getAsDouble());
        }
        if (!regional(provider, settings, bumps)) {
            return model;
        }
        // a tiled model mirrors tileOverlapPx of context around whatever it is given
        return new RegionDeblurrer(model, bumps.get(), settings.policy().regionMarginPx());
    }

    /**
     * The cheaper deblurrer of {@code deblur.fallbackModel} for frames that find the main model busy, restoring
     * the same region as the main model and turned as {@link #open(DeblurSettings, Optional, ToDoubleFunction)}
     * says. The caller owns and closes it.
     */
    public static Deblurrer fallback(DeblurSettings settings, Optional<RegionFinder> bumps,
            ToDoubleFunction<Image> stationShearDeg) throws DeblurException {
        return open(settings.with(settings.policy().fallbackModel(), 1), bumps, stationShearDeg);
    }

    /**
     * The single-frame model of {@code settings}. The caller owns the returned deblurrer and closes it.
     *
     * @throws DeblurException also when the model reads more than one frame: it runs only as a {@link #stage}
     */
    public static Deblurrer open(DeblurSettings settings) throws DeblurException {
        DeblurrerProvider provider = provider(settings);
        if (provider.needs().frameWindow() != 1) {
            throw new DeblurException("model '" + provider.name() + "' restores a frame from a window of "
                    + provider.needs().frameWindow() + " frames; open it with Deblurrers.stage and hand it the "
                    + "frames in order");
        }
        try {
            return provider.open(settings);
        } catch (RuntimeException e) {
            throw failed(provider, e);
        }
    }

    private static DeblurrerProvider provider(DeblurModel model) throws DeblurException {
        return DeblurrerRegistry.installed().provider(model);
    }

    /** The provider of the settings' model, refusing a model file for a model that reads none. */
    private static DeblurrerProvider provider(DeblurSettings settings) throws DeblurException {
        DeblurrerProvider provider = provider(settings.model());
        if (settings.modelFile().isPresent() && !provider.readsModelFile()) {
            List<String> reading = DeblurrerRegistry.installed().providers().stream()
                    .filter(DeblurrerProvider::readsModelFile).map(DeblurrerProvider::name).toList();
            throw new DeblurException("deblur.modelFile " + settings.modelFile().get() + " is given for model '"
                    + provider.name() + "', which reads no model file; allowed: no modelFile, or a model that "
                    + "reads one (" + String.join(", ", reading) + ")");
        }
        return provider;
    }

    private static boolean regional(DeblurrerProvider provider, DeblurSettings settings,
            Optional<RegionFinder> bumps) {
        return provider.needs().restoresRegions() && settings.policy().region() == DeblurRegion.BUMPS
                && bumps.isPresent();
    }

    private static DeblurException failed(DeblurrerProvider provider, RuntimeException e) {
        return new DeblurException("deblur model '" + provider.name() + "' (" + provider.getClass().getName()
                + ") could not be opened: " + e, e);
    }
}
