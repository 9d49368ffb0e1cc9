package io.aoi.camera.aravis;

import java.util.Arrays;

/**
 * Maps camera frame (block) ids to a strip sequence that runs on across reconnections, and keeps the books on
 * strips that did not arrive.
 *
 * <p>Within one acquisition session a forward jump in frame id means skipped strips, counted as dropped. Ids up
 * to 0xFFFF are treated as GigE Vision 16-bit block ids, which skip 0 when they wrap (65535 is followed by 1).
 * Aravis hands out incomplete buffers late, after a few newer complete ones, so a buffer whose id lies behind
 * the last one is {@link Kind#LATE} when its position was skipped within the last {@value #WINDOW} strips (the
 * caller moves it from dropped to incomplete), and otherwise {@link Kind#DUPLICATE} (a second copy, ignored).
 * Across a reconnection the camera's ids restart and the number of strips lost during the outage is unknown, so
 * the caller supplies an estimate (at least one strip) that is skipped before the first strip of the new session.
 *
 * <p>Not thread-safe: used by the grab thread only.
 */
final class SequenceTracker {
    /** How far back a late buffer is still matched to its skipped position. */
    static final int WINDOW = 4096;
    private static final long GV_BLOCK_ID_MAX = 0xFFFF;
    private static final long GV_BLOCK_IDS = GV_BLOCK_ID_MAX;

    /** How a buffer relates to the strips already seen. */
    enum Kind {
        /** The newest strip so far; {@code skippedBefore} strips before it never arrived. */
        NEXT,
        /** A strip whose position was skipped earlier (and counted as dropped) arriving now. */
        LATE,
        /** A strip that was already accounted for; carries nothing new. */
        DUPLICATE
    }

    /** Where a buffer belongs: its kind, its sequence number, and for NEXT the strips skipped just before it. */
    record Assignment(Kind kind, long sequence, long skippedBefore) {
    }

    private final long[] skipped = new long[WINDOW];
    private long nextSequence;
    private long lastFrameId = -1;
    private long pendingGap;

    SequenceTracker() {
        Arrays.fill(skipped, -1);
    }

    /** Assigns the buffer carrying {@code frameId}. */
    Assignment assign(long frameId) {
        if (lastFrameId < 0) {
            return next(frameId, pendingGap, false);
        }
        long step = step(lastFrameId, frameId);
        if (step > 0) {
            return next(frameId, step - 1, true);
        }
        long lastSequence = nextSequence - 1;
        long sequence = lastSequence + step;
        if (step < 0 && -step <= WINDOW && sequence >= 0 && skipped[slot(sequence)] == sequence) {
            skipped[slot(sequence)] = -1;
            return new Assignment(Kind.LATE, sequence, 0);
        }
        return new Assignment(Kind.DUPLICATE, Math.max(0, sequence), 0);
    }

    /**
     * Starts a new camera session after an outage; the next strip is preceded by {@code estimatedLostStrips}
     * (at least 1) skipped strips.
     */
    void newSession(long estimatedLostStrips) {
        lastFrameId = -1;
        pendingGap = Math.max(1, estimatedLostStrips);
    }

    /** The sequence number the next strip gets when nothing is lost. */
    long nextSequence() {
        return nextSequence;
    }

    private Assignment next(long frameId, long skippedBefore, boolean remember) {
        long sequence = nextSequence + skippedBefore;
        if (remember) {
            for (long s = Math.max(nextSequence, sequence - WINDOW); s < sequence; s++) {
                skipped[slot(s)] = s;
            }
        }
        skipped[slot(sequence)] = -1;
        nextSequence = sequence + 1;
        lastFrameId = frameId;
        pendingGap = 0;
        return new Assignment(Kind.NEXT, sequence, skippedBefore);
    }

    private static int slot(long sequence) {
        return (int) (sequence % WINDOW);
    }

    /**
     * Signed distance from {@code last} to {@code current}: positive forward, 0 same id, negative backward.
     * 16-bit ids are compared on their wrapping circle (1..65535); wider ids that jump back further than the
     * window count as a counter restart (one step forward).
     */
    private static long step(long last, long current) {
        if (last <= GV_BLOCK_ID_MAX && current <= GV_BLOCK_ID_MAX) {
            long d = Math.floorMod(index(current) - index(last), GV_BLOCK_IDS);
            return d <= GV_BLOCK_IDS / 2 ? d : d - GV_BLOCK_IDS;
        }
        long d = current - last;
        return d >= -WINDOW ? d : 1;
    }

    private static long index(long blockId) {
        return blockId == 0 ? GV_BLOCK_IDS - 1 : blockId - 1;
    }
}
