package io.aoi.station;

import io.aoi.results.InspectionResult;

/**
 * Told of each result of a {@link Station}, after the result is in the journal.
 *
 * <p>Threads: called on the station's record thread (and, while {@link Station#close()} runs, on the closing
 * thread), one result at a time, in the order results are recorded. Return quickly: the station records the next
 * result only after every listener has returned. An exception is logged and the other listeners still hear of the
 * result, which stays in the journal.
 */
@FunctionalInterface
public interface ResultListener {
    /** A frame's one result: completed (OK, NG, NO_DECISION), failed or dropped, with its reason. */
    void onResult(InspectionResult result);

    /**
     * A pushed frame that was queued but never admitted, because the station closed while it was halted or before
     * its pipeline took the frame; it has no result and no journal record. Called on the closing thread.
     *
     * @param frameId the id {@link PushOutcome.Queued} gave it
     * @param reason  why
     */
    default void onNotAdmitted(long frameId, String reason) {
    }
}
