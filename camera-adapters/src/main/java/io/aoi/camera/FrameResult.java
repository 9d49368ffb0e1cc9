package io.aoi.camera;

/** What one {@link FrameSource#next(java.time.Duration)} produced. */
public sealed interface FrameResult {

    /** A frame ready for inspection. */
    record Ready(Frame frame) implements FrameResult {
    }

    /**
     * A frame that could not be assembled (an incomplete strip fell into it); it is reported so that the
     * pipeline records it as dropped, with the reason.
     */
    record Dropped(long frameId, String reason) implements FrameResult {
    }

    /** Nothing within the timeout. */
    record TimedOut() implements FrameResult {
    }

    /** The source is lost ({@code loss}: gone, or back but unable to serve the station) and reconnecting. */
    record SourceLost(String reason, SourceLoss loss) implements FrameResult {
        /** A camera that does not answer. */
        public SourceLost(String reason) {
            this(reason, SourceLoss.UNREACHABLE);
        }
    }

    /** A finite source has delivered everything. */
    record Ended() implements FrameResult {
    }
}
