package io.aoi.station;

/**
 * What became of a frame handed to {@link Station#push}: queued (it will be admitted and get exactly one result, or,
 * should the station close or halt before taking it, a {@link ResultListener#onNotAdmitted} notice), or refused
 * with the reason; a refused frame is not kept.
 */
public sealed interface PushOutcome {
    /** Why a frame was refused. */
    enum Reason {
        /** The push queue is full: the station is not keeping up; push again later or slower. */
        QUEUE_FULL,
        /** The station is closing or closed. */
        CLOSED,
        /** The station runs its own source ({@link StationOptions.FrameInput#OWN_SOURCE}). */
        OWN_SOURCE,
        /** The station is not executing (halted, stopped, in Error...): it takes no frames now. */
        NOT_EXECUTING,
        /** The station's frame limit ({@link StationOptions#frameLimit()}) has been reached. */
        FRAME_LIMIT
    }

    /**
     * @param frameId the id its result will carry ({@code InspectionResult.frameId()})
     */
    record Queued(long frameId) implements PushOutcome {
    }

    /**
     * @param reason  why
     * @param message the reason in words, with the numbers behind it
     */
    record Refused(Reason reason, String message) implements PushOutcome {
    }
}
