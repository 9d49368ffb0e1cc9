package io.aoi.camera.folder;

import io.aoi.camera.CameraException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The image files of a folder as they are now: *.png, *.tif and *.tiff (any case), not subfolders, in name order. */
final class ImageFolderListing {
    static final String ALLOWED = "*.png, *.tif, *.tiff";

    private ImageFolderListing() {
    }

    /**
     * @param when for the messages, such as "at start" or "at the start of loop pass 2"
     * @return the image files, sorted by file name; never empty
     * @throws CameraException when the folder is missing, cannot be listed or holds no image file, naming the
     *                         folder and {@code when}
     */
    static List<Path> list(Path folder, String when) throws CameraException {
        Path shown = folder.toAbsolutePath();
        if (!Files.isDirectory(folder)) {
            throw new CameraException("image folder " + shown + " (camera.folder) does not exist or is not a folder ("
                    + when + "); allowed: an existing folder of " + ALLOWED + " frames");
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && isImageName(p.getFileName().toString())) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new CameraException("image folder " + shown + " cannot be listed (" + when + "): "
                    + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new CameraException("image folder " + shown + " holds no image files (" + when + "); allowed: "
                    + ALLOWED);
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return List.copyOf(found);
    }

    static boolean isImageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".tif") || lower.endsWith(".tiff");
    }
}
