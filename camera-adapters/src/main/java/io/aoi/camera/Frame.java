package io.aoi.camera;

import io.aoi.image.Image;
import java.time.Instant;

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
 */
public record Frame(
        long frameId,
        long firstLine,
        int overlapTopRows,
        long gapLinesBefore,
        Instant timestamp,
        String sourceName,
        Image image) {
}
