package io.aoi.camera;

import java.util.Objects;

/**
 * What a station's frame source is doing, as its consumer last saw it. {@link #text()} is the readable form for
 * progress lines, logs and OPC UA: {@code starting}, {@code running}, {@code halted},
 * {@code lost: <reason>}, {@code incompatible: <reason>}, {@code ended}, {@code failed: <reason>}.
 */
public sealed interface SourceState {

    /** The readable form, for progress lines and the OPC UA Diagnostics object. */
    String text();

    /** What a loss report stands for: {@link Lost}, or {@link Incompatible} for {@link SourceLoss#INCOMPATIBLE}. */
    static SourceState of(FrameResult.SourceLost lost) {
        return lost.loss() == SourceLoss.INCOMPATIBLE ? new Incompatible(lost.reason()) : new Lost(lost.reason());
    }

    /** Nothing delivered yet. */
    record Starting() implements SourceState {
        @Override
        public String text() {
            return "starting";
        }
    }

    /** Frames are coming. */
    record Running() implements SourceState {
        @Override
        public String text() {
            return "running";
        }
    }

    /** The station takes no frames (halted by its operator); the source itself may be fine. */
    record Halted() implements SourceState {
        @Override
        public String text() {
            return "halted";
        }
    }

    /** The camera does not answer; the source keeps reconnecting. */
    record Lost(String reason) implements SourceState {
        public Lost {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String text() {
            return "lost: " + reason;
        }
    }

    /**
     * The camera answers but cannot serve the station (it came back different); the source keeps retrying, the
     * station cannot inspect until it is fixed.
     */
    record Incompatible(String reason) implements SourceState {
        public Incompatible {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String text() {
            return "incompatible: " + reason;
        }
    }

    /** A finite source delivered everything. */
    record Ended() implements SourceState {
        @Override
        public String text() {
            return "ended";
        }
    }

    /** The source failed and delivers no more. */
    record Failed(String reason) implements SourceState {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String text() {
            return "failed: " + reason;
        }
    }
}
