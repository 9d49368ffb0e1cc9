package io.aoi.image;

import java.util.List;

/**
 * An image read from a file, with what reading it left out, as one sentence per item (an alpha channel
 * discarded, TIFF pages after the first ignored). Callers pass the warnings on to the user.
 *
 * @param image    the pixels
 * @param warnings what the file held that the image does not; empty when nothing was left out
 */
public record DecodedImage(Image image, List<String> warnings) {
    /** Warning for a file whose alpha channel was discarded. */
    public static final String ALPHA_DISCARDED = "alpha channel discarded: colours are kept as stored, not "
            + "composited over a background";
    /** Warning for a TIFF with more than one page. */
    public static final String LATER_PAGES_IGNORED = "more than one page: only the first is read, the others "
            + "are ignored";

    public DecodedImage {
        if (image == null) {
            throw new IllegalArgumentException("image is missing");
        }
        warnings = List.copyOf(warnings);
    }
}
