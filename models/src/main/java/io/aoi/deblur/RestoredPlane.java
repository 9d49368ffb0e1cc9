package io.aoi.deblur;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One restored float plane and the defocus estimated for its input (see {@link Restoration}).
 *
 * @param samples        row-major, the input plane's size
 * @param defocusSigmaPx empty when the deblurrer estimates none
 */
public record RestoredPlane(float[] samples, OptionalDouble defocusSigmaPx) {

    public RestoredPlane {
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(defocusSigmaPx, "defocusSigmaPx");
    }

    /** A plane without a defocus estimate. */
    public static RestoredPlane of(float[] samples) {
        return new RestoredPlane(samples, OptionalDouble.empty());
    }
}
