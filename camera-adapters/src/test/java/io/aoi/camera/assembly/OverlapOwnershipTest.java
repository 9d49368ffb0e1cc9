package io.aoi.camera.assembly;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OverlapOwnershipTest {
    @Test
    void splitsTheSharedBandInHalf() {
        // frames of 256 rows overlapping 96: the earlier frame owns shared rows up to 208, the later from its row 48
        assertTrue(OverlapOwnership.owns(207.9, 256, 96, 96, false));
        assertFalse(OverlapOwnership.owns(208.0, 256, 96, 96, false));
        assertFalse(OverlapOwnership.owns(47.9, 256, 96, 96, false));
        assertTrue(OverlapOwnership.owns(48.0, 256, 96, 96, false));
    }

    @Test
    void firstFrameOwnsItsTopAndLastFrameOwnsItsBottom() {
        assertTrue(OverlapOwnership.owns(-0.4, 256, 0, 96, false));
        assertFalse(OverlapOwnership.owns(250, 256, 0, 96, false));
        assertTrue(OverlapOwnership.owns(255.4, 256, 96, 96, true));
        assertFalse(OverlapOwnership.owns(10, 256, 96, 96, true));
    }
}
