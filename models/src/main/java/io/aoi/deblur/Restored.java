package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.Objects;

/**
 * A restored frame with the caller's tag of the frame it came from (for example the captured frame record
 * with its sequence number and timestamps).
 */
public record Restored<T>(T tag, Image image) {
    public Restored {
        Objects.requireNonNull(image, "image");
    }
}
