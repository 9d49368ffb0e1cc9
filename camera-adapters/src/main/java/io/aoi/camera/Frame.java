package io.aoi.camera;

import io.aoi.image.Image;
import java.time.Instant;
import java.util.Objects;

/**
 * A frame assembled from strips, or read from a file.
 *
 * @param frameId          frame counter from the source, starting at 0
 * @param firstLine        line position of row 0 since the start of acquisition (0 for files)
 * @param overlapTopRows   rows at the top that the previous frame also held
 * @param gapLinesBefore   lines lost between the previous frame and this one (camera loss, dropped strips)
 * @param timestamp        when the last strip of the frame arrived
 * @param sourceName       where it came from: a camera description or a file name
 * @param image            the pixels
 * @param ownedRows        the rows whose objects this frame reports: the frame's share of the rows it has in
 *                         common with its neighbours ({@link OwnedRows#ALL} for a frame that shares none)
 */
public record Frame(
        long frameId,
        long firstLine,
        int overlapTopRows,
        long gapLinesBefore,
        Instant timestamp,
        String sourceName,
        Image image,
        OwnedRows ownedRows) {

    public Frame {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(ownedRows, "ownedRows");
    }

    /**
     * A frame that shares rows with no other (an image file, an image handed in by a host): line 0, no overlap,
     * no gap, every row owned.
     */
    public static Frame whole(long frameId, Instant timestamp, String sourceName, Image image) {
        return new Frame(frameId, 0, 0, 0, timestamp, sourceName, image, OwnedRows.ALL);
    }

    /** Whether an object centred on {@code centreRow} (frame rows, sub-pixel) is this frame's to report. */
    public boolean owns(double centreRow) {
        return ownedRows.contains(centreRow);
    }
}
