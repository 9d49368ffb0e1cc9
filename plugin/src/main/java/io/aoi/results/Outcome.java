package io.aoi.results;

/**
 * How a frame left the pipeline. Every frame that enters ends in exactly one result with one of these.
 * The OPC 40100 ResultState of each is given in {@link #resultState()}.
 */
public enum Outcome {
    /** Inspected; the verdict is OK or NG. */
    COMPLETED(1),
    /** Inspection started but failed; the reason says why. */
    FAILED(4),
    /** Never inspected (incomplete strips, overload, shutdown); the reason says why. */
    DROPPED(3);

    private final int resultState;

    Outcome(int resultState) {
        this.resultState = resultState;
    }

    /** OPC 40100 ResultStateDataType value: 1 Completed, 3 Aborted, 4 Failed. */
    public int resultState() {
        return resultState;
    }
}
