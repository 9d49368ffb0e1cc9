package io.aoi.camera.folder;

import io.aoi.camera.CameraException;
import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.Pacing;
import io.aoi.camera.SourceCounters;
import io.aoi.config.ImageFolderSettings;
import io.aoi.image.DecodedImage;
import io.aoi.image.ImageFiles;
import io.aoi.image.ImageLimits;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recorded frames: every *.png, *.tif and *.tiff file of a folder (not its subfolders, extensions in any
 * case), in file-name order, one {@link Frame} per file with firstLine 0 and no overlap, named by its file name.
 *
 * <p>When the folder is listed: at {@link #start()} for the first pass; without looping that list is the whole
 * run (files added later are not read, a listed file deleted before its turn is dropped). When looping, the folder
 * is listed again at the start of every further pass, so a file added during a pass is read from the next pass on
 * and a deleted one leaves it; a pass that finds no image file (or no folder) ends the source with a
 * {@link CameraException}. After the last file: {@link FrameResult.Ended}, or the next pass when looping.
 *
 * <p>A file that cannot be read as an image, or whose header gives more than {@code maxMegapixels} (checked
 * before decoding), becomes {@link FrameResult.Dropped} with the file name as its source name and the reason;
 * the run goes on. What a file held that its frame does not (an alpha channel, TIFF pages after the first) is
 * logged as a warning. Frame ids count every file delivered or dropped, across passes.
 *
 * <p>Files wait on disk until they are read, so the source is {@link Pacing#ON_DEMAND}: a station reads the next
 * file only when it has room for it and drops none for overload.
 *
 * <p>Counters: {@code stripsReceived} counts files read, {@code stripsIncomplete} files dropped.
 * Threads: as {@link FrameSource}; listing and reading happen on the calling thread.
 */
public final class ImageFolderSource implements FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(ImageFolderSource.class);

    private final ImageFolderSettings settings;
    private final ImageLimits limits;
    private final Object lock = new Object();
    private List<Path> files = List.of();
    private int nextIndex;
    private int pass;
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

    /** Files on disk can wait: read when asked for, never dropped for overload. */
    @Override
    public Pacing pacing() {
        return Pacing.ON_DEMAND;
    }

    /**
     * Lists the folder for the first pass.
     *
     * @throws CameraException when the folder is missing, unreadable or holds no PNG or TIFF file
     */
    @Override
    public void start() throws CameraException {
        List<Path> found = ImageFolderListing.list(settings.folder(), "at start");
        synchronized (lock) {
            files = found;
            nextIndex = 0;
            pass = 1;
        }
    }

    /**
     * Reads the next file, listing the folder again first when a looping pass begins; the timeout is not used, as
     * reading a file does not wait for anything else.
     *
     * @throws CameraException before {@link #start()}, or when a new pass finds the folder gone or without images
     */
    @Override
    public FrameResult next(Duration timeout) throws CameraException {
        Path file;
        long frameId;
        synchronized (lock) {
            if (pass == 0) {
                throw new CameraException(describe() + ": next() before start()");
            }
            if (closed) {
                return new FrameResult.Ended();
            }
            if (nextIndex >= files.size()) {
                if (!settings.loop()) {
                    return new FrameResult.Ended();
                }
                pass++;
                files = ImageFolderListing.list(settings.folder(), "at the start of loop pass " + pass);
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
        } catch (NoSuchFileException e) {
            dropped++;
            return new FrameResult.Dropped(frameId, name, name + ": deleted after the folder was listed");
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
