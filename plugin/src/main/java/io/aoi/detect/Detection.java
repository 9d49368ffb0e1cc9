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
 * @param verdict       OK iff every judged bump holds enough particles, NG when one holds too few, NO_DECISION
 *                      when the frame cannot be judged (see {@link ParticleDetector}); never OK without a bump
 * @param densityPerMm2 particles in judged bumps per mm^2 of judged bump area; 0 when no bump was judged
 * @param reason        why there is no decision; empty for OK and NG
 * @param illuminationAngleDeg the relief (DIC shear) direction the particles were searched with, degrees: the
 *                      station's fixed angle, or with {@code illuminationAngleDeg: auto} the estimate pooled over
 *                      the station's recent frames, this one included; NaN when not known (also when no particle
 *                      was searched for)
 * @param contrastThreshold the least relief amplitude particles needed in this frame, fraction of full scale: the
 *                      station's minContrast, or the multiple of the frame's measured amplitude noise where
 *                      {@code detector.contrastNoiseFactor} makes that higher (the threshold is set per particle
 *                      radius; this is the highest of them); NaN when not known
 */
public record Detection(List<Particle> particles, List<BumpCount> bumps, Verdict verdict, double densityPerMm2,
        String reason, double illuminationAngleDeg, double contrastThreshold) {
    public Detection {
        particles = List.copyOf(particles);
        bumps = List.copyOf(bumps);
        Objects.requireNonNull(verdict, "verdict");
        reason = reason == null ? "" : reason;
        if (verdict == Verdict.NONE) {
            throw new IllegalArgumentException("a detection decides OK, NG or NO_DECISION, got " + verdict);
        }
        if ((verdict == Verdict.NO_DECISION) == reason.isEmpty()) {
            throw new IllegalArgumentException("a detection has a reason exactly when it is NO_DECISION; got "
                    + verdict + " with reason '" + reason + "'");
        }
    }

    /**
     * An OK or NG detection whose illumination direction and contrast threshold are not known (see
     * {@link #withIlluminationAngleDeg}, {@link #withContrastThreshold}).
     */
    public Detection(List<Particle> particles, List<BumpCount> bumps, Verdict verdict, double densityPerMm2) {
        this(particles, bumps, verdict, densityPerMm2, "", Double.NaN, Double.NaN);
    }

    /**
     * A frame the detector cannot stand behind, with the reason; the illumination direction and contrast threshold
     * are not known.
     */
    public static Detection undecided(List<Particle> particles, List<BumpCount> bumps, double densityPerMm2,
            String reason) {
        return new Detection(particles, bumps, Verdict.NO_DECISION, densityPerMm2, reason, Double.NaN, Double.NaN);
    }

    /** This detection, searched with the relief direction {@code angleDeg}. */
    public Detection withIlluminationAngleDeg(double angleDeg) {
        return new Detection(particles, bumps, verdict, densityPerMm2, reason, angleDeg, contrastThreshold);
    }

    /** This detection, searched with the contrast threshold {@code threshold}. */
    public Detection withContrastThreshold(double threshold) {
        return new Detection(particles, bumps, verdict, densityPerMm2, reason, illuminationAngleDeg, threshold);
    }
}
