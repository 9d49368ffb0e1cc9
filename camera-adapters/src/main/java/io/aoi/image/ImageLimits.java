package io.aoi.image;

import io.aoi.config.ImageFolderSettings;

/**
 * How large an image file may be before it is decoded. The size is read from the file header (PNG IHDR, TIFF
 * ImageWidth and ImageLength tags), so an oversized file is refused without allocating its pixels.
 *
 * @param maxMegapixels largest width x height accepted, in millions of pixels; more than 0
 */
public record ImageLimits(double maxMegapixels) {
    /** The default limit: the station files' default, 64 megapixels (frames are a few megapixels). */
    public static final ImageLimits DEFAULT = new ImageLimits(ImageFolderSettings.DEFAULT_MAX_MEGAPIXELS);

    public ImageLimits {
        if (!(maxMegapixels > 0) || Double.isInfinite(maxMegapixels)) {
            throw new IllegalArgumentException("maxMegapixels " + maxMegapixels
                    + " is not allowed; allowed: a number of megapixels greater than 0");
        }
    }

    /** The limit in pixels. */
    public long maxPixels() {
        return (long) Math.floor(maxMegapixels * 1e6);
    }

    /** For messages: {@code 64} or {@code 0.5}. */
    String describe() {
        return maxMegapixels == Math.rint(maxMegapixels) ? Long.toString((long) maxMegapixels)
                : Double.toString(maxMegapixels);
    }
}
