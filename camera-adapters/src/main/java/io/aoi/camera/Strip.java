package io.aoi.camera;

import io.aoi.image.Image;
import java.time.Instant;

/**
 * A block of consecutive lines from a line source.
 *
 * @param sequence  strip counter from the source, starting at 0; a jump means strips were lost
 * @param firstLine line (encoder) position of the strip's first line since the start of acquisition
 * @param timestamp when the source delivered the strip
 * @param lines     the lines, one image row each
 */
public record Strip(long sequence, long firstLine, Instant timestamp, Image lines) {
}
