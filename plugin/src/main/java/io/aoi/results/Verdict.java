package io.aoi.results;

/** The line's decision for one frame. */
public enum Verdict {
    /** Every bump holds at least the minimum number of particles. */
    OK,
    /** At least one bump holds too few particles. */
    NG,
    /** No decision: the frame failed or was dropped. */
    NONE
}
