package io.aoi.detect;

import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.List;
import java.util.Objects;

/**
 * What the detector found in one frame. Immutable.
 *
 * @param particles     every particle found in the frame, inside bumps or not
 * @param bumps         the bumps judged in this frame (partial bumps at the top or bottom edge are left out)
 * @param verdict       OK iff every judged bump holds enough particles; OK as well when no bump was judged
 * @param densityPerMm2 particles in judged bumps per mm^2 of judged bump area; 0 when no bump was judged
 */
public record Detection(List<Particle> particles, List<BumpCount> bumps, Verdict verdict, double densityPerMm2) {
    public Detection {
        particles = List.copyOf(particles);
        bumps = List.copyOf(bumps);
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.NONE) {
            throw new IllegalArgumentException("a detection decides OK or NG, got " + verdict);
        }
    }
}
