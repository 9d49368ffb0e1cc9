package io.aoi.plugin.runtime;

import io.aoi.eval.VerdictStats;
import java.util.Locale;
import java.util.Objects;

/**
 * How many verdicts of a simulated station agreed with the simulator's ground truth so far.
 *
 * @param bumps per judged bump, as {@code evaluate} scores them
 * @param frames per frame: OK exactly when every true bump wholly in it holds enough particles
 */
public record TruthScore(VerdictStats bumps, VerdictStats frames) {
    /** Nothing judged yet. */
    public static final TruthScore NONE = new TruthScore(VerdictStats.NONE, VerdictStats.NONE);

    public TruthScore {
        Objects.requireNonNull(bumps, "bumps");
        Objects.requireNonNull(frames, "frames");
    }

    /** {@code bumps 0.993 (1234/1243), frames 0.950 (19/20)}. */
    public String describe() {
        return String.format(Locale.ROOT, "bumps %.3f (%d/%d), frames %.3f (%d/%d)", bumps.accuracy(),
                bumps.agreed(), bumps.judged(), frames.accuracy(), frames.agreed(), frames.judged());
    }
}
