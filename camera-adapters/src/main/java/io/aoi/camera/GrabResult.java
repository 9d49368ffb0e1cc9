package io.aoi.camera;

import java.time.Duration;

/** What one {@link LineSource#grab(Duration)} produced. Expected outcomes are values, not exceptions. */
public sealed interface GrabResult {

    /** A complete strip. */
    record Grabbed(Strip strip) implements GrabResult {
    }

    /** No strip arrived within the timeout; the source is still there. */
    record TimedOut(Duration waited) implements GrabResult {
    }

    /**
     * A buffer arrived but is not usable (missing packets, wrong size, aborted); it is never passed on as data.
     *
     * @param sequence  the strip's sequence number
     * @param lineCount lines the strip should have carried
     * @param reason    the status the driver reported
     */
    record Incomplete(long sequence, int lineCount, String reason) implements GrabResult {
    }

    /**
     * The camera is gone, or came back unable to serve the station ({@code loss}); the source keeps trying to get
     * it back, and grabs report this until it does.
     */
    record Lost(String reason, SourceLoss loss) implements GrabResult {
        /** A camera that does not answer. */
        public Lost(String reason) {
            this(reason, SourceLoss.UNREACHABLE);
        }
    }

    /** A finite source has delivered everything. */
    record Ended() implements GrabResult {
    }
}
