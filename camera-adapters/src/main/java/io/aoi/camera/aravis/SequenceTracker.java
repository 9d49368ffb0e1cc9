package io.aoi.camera.aravis;

/**
 * Maps camera frame (block) ids to a strip sequence that runs on across reconnections, and counts the strips
 * that never arrived.
 *
 * <p>Within one acquisition session a jump in frame id means dropped strips. GigE Vision block ids are 16 bits
 * wide and skip 0 when they wrap (65535 is followed by 1); a backwards step of a wider id means the camera
 * restarted its counter, which is counted as no gap. Across a reconnection the camera's ids restart and the
 * number of strips lost during the outage is unknown, so the caller supplies an estimate (at least one strip)
 * that is inserted before the first strip of the new session.
 *
 * <p>Not thread-safe: used by the grab thread only.
 */
final class SequenceTracker {
    private static final long GV_BLOCK_ID_MAX = 0xFFFF;

    private long nextSequence;
    private long lastFrameId = -1;
    private long pendingGap;

    /** Sequence number and the strips skipped just before it. */
    record Assigned(long sequence, long skippedBefore) {
    }

    /** Assigns the sequence number of the buffer carrying {@code frameId}. */
    Assigned assign(long frameId) {
        long skipped;
        if (lastFrameId < 0) {
            skipped = pendingGap;
        } else {
            skipped = Math.max(0, frameStep(lastFrameId, frameId) - 1);
        }
        long sequence = nextSequence + skipped;
        nextSequence = sequence + 1;
        lastFrameId = frameId;
        pendingGap = 0;
        return new Assigned(sequence, skipped);
    }

    /**
     * Starts a new camera session after an outage; the next assigned sequence is preceded by
     * {@code estimatedLostStrips} (at least 1) skipped strips.
     */
    void newSession(long estimatedLostStrips) {
        lastFrameId = -1;
        pendingGap = Math.max(1, estimatedLostStrips);
    }

    /** The sequence number the next strip gets when nothing is lost. */
    long nextSequence() {
        return nextSequence;
    }

    private static long frameStep(long last, long current) {
        if (current > last) {
            return current - last;
        }
        if (last <= GV_BLOCK_ID_MAX && current < last) {
            return current + GV_BLOCK_ID_MAX - last;
        }
        return 1;
    }
}
