package io.aoi.config;

import java.nio.file.Path;

/**
 * Recorded frames from a folder (PNG or TIFF, 8/16-bit, mono or colour), read in file-name order.
 *
 * @param folder the folder, resolved against the station file's folder when relative
 * @param loop   start again at the first file after the last one
 */
public record ImageFolderSettings(Path folder, boolean loop) implements CameraSettings {
    public ImageFolderSettings {
        Check.present("folder", folder);
    }
}
