package io.aoi.results;

/** The line's decision for one frame. Only {@link #OK} lets a part pass. */
public enum Verdict {
    /** Every bump holds at least the minimum number of particles. */
    OK,
    /** At least one bump holds too few particles. */
    NG,
    /**
     * Inspected, but the station cannot stand behind a verdict (no or too few bumps, a blank, saturated or
     * low-contrast frame, a deblurrer output that is not finite or out of range, an implausible particle
     * count). The result's reason says which. Never treated as OK.
     */
    NO_DECISION,
    /** No decision: the frame failed or was dropped. */
    NONE
}
