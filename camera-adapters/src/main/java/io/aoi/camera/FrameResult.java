package io.aoi.camera;

import java.util.Objects;

/** What one {@link FrameSource#next(java.time.Duration)} produced. */
public sealed interface FrameResult {

    /** A frame ready for inspection. */
    record Ready(Frame frame) implements FrameResult {
    }

    /**
     * A frame that could not be assembled (an incomplete strip fell into it) or read (an unreadable file); it is
     * reported so that the pipeline records it as dropped, with the reason.
     *
     * @param frameId    the id the frame would have had
     * @param sourceName where it came from, as a delivered frame's {@link Frame#sourceName()} would say: the
     *                   camera description, or the file name
     * @param reason     why it was dropped
     */
    record Dropped(long frameId, String sourceName, String reason) implements FrameResult {
        public Dropped {
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(reason, "reason");
        }
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
