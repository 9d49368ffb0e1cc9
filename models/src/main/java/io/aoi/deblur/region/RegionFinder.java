package io.aoi.deblur.region;

import io.aoi.image.Image;
import java.util.List;

/**
 * Finds the parts of a blurred frame that need restoring (for an ACF station: the bumps, which are large and
 * high-contrast enough to be found before deblurring). Implementations must be safe to call from the deblur thread.
 */
@FunctionalInterface
public interface RegionFinder {
    /** Rectangles inside the frame, in any order, possibly overlapping or empty. */
    List<PixelRect> find(Image blurredFrame);
}
