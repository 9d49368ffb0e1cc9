package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.Objects;

/**
 * One restored rectangle of a frame.
 *
 * @param region where it lies in the frame
 * @param image  its restored samples: the region's size, the frame's channels and bit depth
 */
public record RestoredRegion(PixelRegion region, Image image) {

    public RestoredRegion {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(image, "image");
        if (image.width() != region.width() || image.height() != region.height()) {
            throw new IllegalArgumentException("image " + image.width() + "x" + image.height() + " for region "
                    + region);
        }
    }
}
