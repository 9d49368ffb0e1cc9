package io.aoi.camera.folder;

import io.aoi.camera.CameraException;
import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.SourceCounters;
import io.aoi.config.ImageFolderSettings;
import io.aoi.image.DecodedImage;
import io.aoi.image.ImageFiles;
import io.aoi.image.ImageLimits;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded frames: every *.png, *.tif and *.tiff file of a folder (not its subfolders, extensions in any
 * case), in file-name order, one {@link Frame} per file with firstLine 0 and no overlap. The file list is
 * taken at {@link #start()}.
 *
 * <p>A file that cannot be read as an image, or whose header gives more than {@code maxMegapixels} (checked
 * before decoding), becomes {@link FrameResult.Dropped} with the file name as its source name and the reason; the run goes on. What a
 * file held that its frame does not (an alpha channel, TIFF pages after the first) is logged as a warning. After the last file: {@link FrameResult.Ended}, or the first file again when
 * looping. Frame ids count every file delivered or dropped, across loops.
 *
 * <p>Counters: {@code stripsReceived} counts files read, {@code stripsIncomplete} files dropped.
 * Threads: as {@link FrameSource}; reading happens on the calling thread.
 */
public final class ImageFolderSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSource.class);

    private final ImageFolderSettings settings;
    private final ImageLimits limits;
    private final List<Path> files = new ArrayList<>();
    private int nextIndex;
    private long nextFrameId;
    private volatile long read;
    private volatile long dropped;
    private volatile boolean closed;

    public ImageFolderSource(ImageFolderSettings settings) {
        this.settings = settings;
        this.limits = new ImageLimits(settings.maxMegapixels());
    }

    @Override
    public String describe() {
        return "image folder " + settings.folder() + (settings.loop() ? " (looping)" : "");
    }

    /** @throws CameraException when the folder is missing, unreadable or holds no PNG or TIFF file */
    @Override
    public void start() throws CameraException {
        Path folder = settings.folder();
        if (!Files.isDirectory(folder)) {
            throw new CameraException("image folder " + folder.toAbsolutePath() + " does not exist or is not a folder");
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && isImageName(p.getFileName().toString())) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new CameraException("image folder " + folder.toAbsolutePath() + " cannot be listed: "
                    + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new CameraException("image folder " + folder.toAbsolutePath()
                    + " holds no image files; allowed: *.png, *.tif, *.tiff");
        }
        found.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        synchronized (files) {
            files.clear();
            files.addAll(found);
            nextIndex = 0;
        }
    }

    static boolean isImageName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".png") || lower.endsWith(".tif") || lower.endsWith(".tiff");
    }

    /** Reads the next file; the timeout is not used, as reading a file does not wait for anything else. */
    @Override
    public FrameResult next(Duration timeout) throws CameraException {
        Path file;
        long frameId;
        synchronized (files) {
            if (files.isEmpty()) {
                throw new CameraException(describe() + ": next() before start()");
            }
            if (closed) {
                return new FrameResult.Ended();
            }
            if (nextIndex >= files.size()) {
                if (!settings.loop()) {
                    return new FrameResult.Ended();
                }
                nextIndex = 0;
            }
            file = files.get(nextIndex++);
            frameId = nextFrameId++;
        }
        String name = file.getFileName().toString();
        try {
            DecodedImage decoded = ImageFiles.read(file, limits);
            for (String warning : decoded.warnings()) {
                LOG.warn("{}: {}", file, warning);
            }
            read++;
            return new FrameResult.Ready(Frame.whole(frameId, Instant.now(), name, decoded.image()));
        } catch (IOException | RuntimeException e) {
            dropped++;
            return new FrameResult.Dropped(frameId, name, name + ": " + e.getMessage());
        }
    }

    @Override
    public SourceCounters counters() {
        return new SourceCounters(read, dropped, 0, 0, 0, 0, 0);
    }

    @Override
    public void close() {
        closed = true;
    }
}
