package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.camera.aravis.SequenceTracker.Assignment;
import io.aoi.camera.aravis.SequenceTracker.Kind;
import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    @Test
    void consecutiveFrameIdsGiveConsecutiveSequencesFromZero() {
        SequenceTracker t = new SequenceTracker();
        for (int i = 0; i < 5; i++) {
            assertEquals(new Assignment(Kind.NEXT, i, 0), t.assign(1000 + i));
        }
    }

    @Test
    void frameIdJumpCountsSkippedStrips() {
        SequenceTracker t = new SequenceTracker();
        t.assign(10);
        assertEquals(new Assignment(Kind.NEXT, 4, 3), t.assign(14));
        assertEquals(new Assignment(Kind.NEXT, 5, 0), t.assign(15));
    }

    @Test
    void sixteenBitBlockIdsWrapSkippingZero() {
        SequenceTracker t = new SequenceTracker();
        t.assign(65534);
        assertEquals(new Assignment(Kind.NEXT, 1, 0), t.assign(65535));
        assertEquals(new Assignment(Kind.NEXT, 2, 0), t.assign(1));
        SequenceTracker u = new SequenceTracker();
        u.assign(65530);
        assertEquals(new Assignment(Kind.NEXT, 7, 6), u.assign(2));
    }

    @Test
    void lateBufferFillsItsSkippedPositionOnce() {
        SequenceTracker t = new SequenceTracker();
        t.assign(100);
        t.assign(102);
        t.assign(103);
        assertEquals(new Assignment(Kind.LATE, 1, 0), t.assign(101));
        assertEquals(Kind.DUPLICATE, t.assign(101).kind());
        assertEquals(new Assignment(Kind.NEXT, 4, 0), t.assign(104));
    }

    @Test
    void lateBufferAcrossTheSixteenBitWrap() {
        SequenceTracker t = new SequenceTracker();
        t.assign(65534);
        t.assign(1);
        assertEquals(new Assignment(Kind.LATE, 1, 0), t.assign(65535));
    }

    @Test
    void repeatedFrameIdIsADuplicate() {
        SequenceTracker t = new SequenceTracker();
        t.assign(7);
        t.assign(8);
        assertEquals(Kind.DUPLICATE, t.assign(8).kind());
        assertEquals(Kind.DUPLICATE, t.assign(7).kind());
        assertEquals(new Assignment(Kind.NEXT, 2, 0), t.assign(9));
    }

    @Test
    void newSessionSkipsTheEstimatedOutageWhateverTheNewIds() {
        SequenceTracker t = new SequenceTracker();
        t.assign(500);
        t.assign(501);
        t.newSession(40);
        assertEquals(new Assignment(Kind.NEXT, 42, 40), t.assign(1));
        assertEquals(new Assignment(Kind.NEXT, 43, 0), t.assign(2));
    }

    @Test
    void newSessionSkipsAtLeastOneStrip() {
        SequenceTracker t = new SequenceTracker();
        t.assign(3);
        t.newSession(0);
        assertEquals(new Assignment(Kind.NEXT, 2, 1), t.assign(3));
    }

    @Test
    void wideIdsThatRestartCountAsOneStep() {
        SequenceTracker t = new SequenceTracker();
        t.assign(1_000_000);
        assertEquals(new Assignment(Kind.NEXT, 1, 0), t.assign(5));
    }
}
