package io.aoi.camera.sim;

import java.util.Objects;
import java.util.Optional;

/**
 * A conductive-particle indentation the simulator drew: the ground truth for detectors.
 *
 * <p>Coordinates are in pixels with integer values at pixel centres (column 0 spans -0.5 .. 0.5), so they
 * compare directly with centroids computed on pixel indices. The relief is bright on the half towards the
 * simulator's shear direction ({@link PanelSimulator#shearAngleDeg()}, by default 0 degrees: the +x half).
 *
 * @param x        centre column in pixels, sub-pixel
 * @param y        centre line: absolute line position from {@link PanelSimulator#particlesIn}, frame row
 *                 from {@link SimulatedFrame#particles()}
 * @param radiusPx radius of the indentation in pixels (3 to 5 um diameter through the optics scale; 3 to 5 px at
 *                 0.5 um per pixel)
 * @param contrast peak brightening of the bright edge (and darkening of the dark edge) as a fraction of full
 *                 scale before blur; normal particles have 0.15 to 0.3, weak (under-pressed) ones less
 * @param bumpId   the bump that holds the centre, empty for a particle in the resin between bumps
 */
public record TrueParticle(double x, double y, double radiusPx, double contrast, Optional<String> bumpId) {

    /** Least contrast of a normally pressed particle; below it the particle is weak. */
    public static final double NORMAL_CONTRAST_MIN = 0.15;

    public TrueParticle {
        Objects.requireNonNull(bumpId, "bumpId");
    }

    /** Whether this particle was rendered as under-pressed. */
    public boolean weak() {
        return contrast < NORMAL_CONTRAST_MIN;
    }

    /** The same particle with y moved by {@code -lines}. */
    TrueParticle shiftedUp(long lines) {
        return new TrueParticle(x, y - lines, radiusPx, contrast, bumpId);
    }
}
