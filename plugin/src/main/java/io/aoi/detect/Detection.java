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
 * @param illuminationAngleDeg the relief (DIC shear) direction the particles were searched with, degrees: the
 *                      station's fixed angle, or with {@code illuminationAngleDeg: auto} this frame's estimate (or
 *                      the last confident one); NaN when not known
 */
public record Detection(List<Particle> particles, List<BumpCount> bumps, Verdict verdict, double densityPerMm2,
        double illuminationAngleDeg) {

    /** A detection whose illumination direction is not known. */
    public Detection(List<Particle> particles, List<BumpCount> bumps, Verdict verdict, double densityPerMm2) {
        this(particles, bumps, verdict, densityPerMm2, Double.NaN);
    }

    public Detection {
        particles = List.copyOf(particles);
        bumps = List.copyOf(bumps);
        Objects.requireNonNull(verdict, "verdict");
        if (verdict == Verdict.NONE) {
            throw new IllegalArgumentException("a detection decides OK or NG, got " + verdict);
        }
    }
}
