package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A restored frame with the caller's tag of the frame it came from (for example the captured frame record
 * with its sequence number and timestamps) and the defocus the deblurrer estimated for it.
 *
 * @param defocusSigmaPx as in {@link Restoration#defocusSigmaPx()}; empty when the model estimates none
 */
public record Restored<T>(T tag, Image image, OptionalDouble defocusSigmaPx) {
    public Restored {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(defocusSigmaPx, "defocusSigmaPx");
    }

    /** A restored frame without a defocus estimate. */
    public Restored(T tag, Image image) {
        this(tag, image, OptionalDouble.empty());
    }
}
