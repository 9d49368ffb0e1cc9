package io.aoi.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OwnedRowsTest {
    @Test
    void splitsTheSharedBandInHalf() {
        // frames of 256 rows overlapping 96: the earlier frame owns shared rows up to 208, the later from its row 48
        OwnedRows middle = OwnedRows.splitOverlaps(256, 96, 96);
        assertTrue(middle.contains(207.9));
        assertFalse(middle.contains(208.0));
        assertFalse(middle.contains(47.9));
        assertTrue(middle.contains(48.0));
    }

    @Test
    void firstFrameOwnsItsTopAndLastFrameOwnsItsBottom() {
        OwnedRows first = OwnedRows.splitOverlaps(256, 0, 96);
        assertTrue(first.contains(-0.4));
        assertFalse(first.contains(250));
        OwnedRows last = OwnedRows.splitOverlaps(256, 96, 96).toTheEnd();
        assertTrue(last.contains(255.4));
        assertFalse(last.contains(10));
    }

    @Test
    void aRunOfThreeFramesOwnsEveryCentreRowOnce() {
        int height = 256;
        int overlap = 96;
        int step = height - overlap;
        OwnedRows[] run = {OwnedRows.splitOverlaps(height, 0, overlap), OwnedRows.splitOverlaps(height, overlap,
                overlap), OwnedRows.splitOverlaps(height, overlap, overlap).toTheEnd()};
        for (double line = -0.5; line < 2 * step + height; line += 0.25) {
            int owners = 0;
            for (int k = 0; k < run.length; k++) {
                double row = line - k * step;
                if (row >= -0.5 && row < height && run[k].contains(row)) {
                    owners++;
                }
            }
            assertEquals(1, owners, "line " + line);
        }
    }

    @Test
    void aFrameThatSharesNothingOwnsEveryRow() {
        assertTrue(OwnedRows.ALL.contains(-1e9));
        assertTrue(OwnedRows.ALL.contains(1e9));
        assertTrue(Frame.whole(0, Instant.EPOCH, "file.png", new Image(4, 4, 1, 8, new short[16])).owns(3.9));
    }

    @Test
    void refusesOverlapsBeyondTheFrameAndRangesThatAreNone() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OwnedRows.splitOverlaps(64, 0, 65));
        assertTrue(e.getMessage().contains("65 (bottom)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new OwnedRows(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new OwnedRows(Double.NaN, 4));
    }
}
