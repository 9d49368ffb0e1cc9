package io.aoi.deblur.spi;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a deblurring model needs from the pipeline that runs it: the pipeline and the commands read these instead
 * of knowing models by name.
 *
 * @param frameWindow     frames the model reads to restore one: 1 (the frame itself, opened with
 *                        {@link DeblurrerProvider#open}) or 3 (the frame and its two neighbours, opened only as a
 *                        stream stage with {@link DeblurrerProvider#openStage}, which returns each frame one
 *                        frame late)
 * @param passes          what the recipe's pass count ({@code deblur.iterations}) means to the model
 * @param restoresRegions whether {@code region: bumps} applies: the pipeline then restores only the bumps of a
 *                        frame, each with its context margin ({@link io.aoi.deblur.Deblurrer#deblurRegions});
 *                        single-frame models only
 * @param shearDirectionDeg the DIC shear (relief) direction the model was trained on, degrees as
 *                        {@code detector.illuminationAngleDeg}: the pipeline turns each frame by a multiple of 90
 *                        degrees, mirrored or not, so that the station's direction comes nearest to it, restores
 *                        the turned frame and turns the result back ({@link io.aoi.deblur.OrientedDeblurrer});
 *                        empty for a model that restores any direction alike
 */
public record ModelNeeds(int frameWindow, Passes passes, boolean restoresRegions, OptionalDouble shearDirectionDeg) {

    /** What a model does with the pass count. */
    public enum Passes {
        /** The model runs once per frame whatever the count; results report 1 pass. */
        IGNORED,
        /** 0 passes the frame through; any other count runs the model once. */
        ONCE,
        /** The model runs as many times as the count says, 0 to 3; the tuning and benchmark tools sweep it. */
        ITERATIVE
    }

    public ModelNeeds {
        if (frameWindow != 1 && frameWindow != 3) {
            throw new IllegalArgumentException("frameWindow = " + frameWindow + "; allowed: 1 or 3");
        }
        Objects.requireNonNull(passes, "passes");
        if (restoresRegions && frameWindow != 1) {
            throw new IllegalArgumentException("restoresRegions with frameWindow " + frameWindow
                    + "; allowed: only for frameWindow 1 (a region is restored from one frame)");
        }
        Objects.requireNonNull(shearDirectionDeg, "shearDirectionDeg");
        if (shearDirectionDeg.isPresent() && !(Math.abs(shearDirectionDeg.getAsDouble()) <= 360)) {
            throw new IllegalArgumentException("shearDirectionDeg = " + shearDirectionDeg.getAsDouble()
                    + "; allowed: -360 to 360 degrees");
        }
    }

    /** A model that restores any shear direction alike. */
    public ModelNeeds(int frameWindow, Passes passes, boolean restoresRegions) {
        this(frameWindow, passes, restoresRegions, OptionalDouble.empty());
    }

    /** These needs for a model trained on frames of one shear direction, {@code deg}. */
    public ModelNeeds withShearDirectionDeg(double deg) {
        return new ModelNeeds(frameWindow, passes, restoresRegions, OptionalDouble.of(deg));
    }

    /** A single-frame model with the given pass use that restores regions. */
    public static ModelNeeds singleFrame(Passes passes) {
        return new ModelNeeds(1, passes, true);
    }

    /** The passes a frame is restored with when the recipe asks for {@code iterations}. */
    public int passesFor(int iterations) {
        return passes == Passes.IGNORED ? 1 : iterations;
    }

    /** Whether more passes mean more work on the frame ({@link Passes#ITERATIVE}). */
    public boolean iterative() {
        return passes == Passes.ITERATIVE;
    }
}
