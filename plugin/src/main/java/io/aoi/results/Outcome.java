package io.aoi.results;

/**
 * How a frame left the pipeline. Every frame that enters ends in exactly one result with one of these.
 * The OPC 40100 ResultState of each outcome is {@link #resultState()}; that of a result, which also depends on its
 * verdict, is {@link InspectionResult#resultState()}.
 */
public enum Outcome {
    /** Inspected; the verdict is OK, NG or NO_DECISION. */
    COMPLETED(1),
    /** Inspection started but failed; the reason says why. */
    FAILED(4),
    /** Never inspected (incomplete strips, overload, shutdown); the reason says why. */
    DROPPED(3),
    /**
     * Admitted, but the station process ended (crash, {@code kill -9}, power loss) before the frame had a
     * result; recorded when the station starts again, with the time of the cut in the reason.
     */
    INTERRUPTED(3);

    private final int resultState;

    Outcome(int resultState) {
        this.resultState = resultState;
    }

    /** OPC 40100 ResultStateDataType value: 1 Completed, 3 Aborted, 4 Failed. */
    public int resultState() {
        return resultState;
    }
}
