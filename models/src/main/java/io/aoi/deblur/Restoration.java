package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A restored frame and, from blind deblurrers, the defocus they estimated for it.
 *
 * @param image          the restored frame: the input's size, channels and bit depth
 * @param defocusSigmaPx the estimated defocus of the input frame as the sigma of the equivalent Gaussian in
 *                       pixels ({@link BlurKernel#defocusSigmaPx()}); empty when the deblurrer estimates none
 *                       (Wiener with its configured PSF, pass-through, 0 passes)
 */
public record Restoration(Image image, OptionalDouble defocusSigmaPx) {

    public Restoration {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(defocusSigmaPx, "defocusSigmaPx");
    }

    /** A restoration without a defocus estimate. */
    public static Restoration of(Image image) {
        return new Restoration(image, OptionalDouble.empty());
    }
}
