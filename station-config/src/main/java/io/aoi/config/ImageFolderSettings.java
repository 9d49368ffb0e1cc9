package io.aoi.config;

import java.nio.file.Path;

/**
 * Recorded frames from a folder (PNG or TIFF, 8/16-bit, mono or colour), read in file-name order.
 *
 * @param folder        the folder, resolved against the station file's folder when relative
 * @param loop          after the last file, list the folder again and start again at its first file (files added
 *                      join the next pass, deleted ones leave it); false: the list read at the start is the run
 * @param maxMegapixels largest image (width x height, millions of pixels) read; a larger file is refused from its
 *                      header, before decoding, and recorded as dropped
 */
public record ImageFolderSettings(Path folder, boolean loop, double maxMegapixels) implements CameraSettings {
    /** Default of {@code maxMegapixels}, also the command line's default for image files. */
    public static final double DEFAULT_MAX_MEGAPIXELS = 64;

    public ImageFolderSettings {
        Check.present("folder", folder);
        Check.range("maxMegapixels", maxMegapixels, 0.001, 10_000);
    }

    /** With the default {@link #DEFAULT_MAX_MEGAPIXELS}. */
    public ImageFolderSettings(Path folder, boolean loop) {
        this(folder, loop, DEFAULT_MAX_MEGAPIXELS);
    }
}
