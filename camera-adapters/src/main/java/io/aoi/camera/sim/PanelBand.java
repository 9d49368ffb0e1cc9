package io.aoi.camera.sim;

import java.util.List;

/**
 * The content of one band of {@link PanelLayout#BAND_LINES} lines, in absolute coordinates. Every bump lies
 * wholly inside its band; a particle's relief may reach a few pixels into the neighbouring band.
 */
record PanelBand(long index, List<TrueBump> bumps, List<TrueParticle> particles) {
    PanelBand {
        bumps = List.copyOf(bumps);
        particles = List.copyOf(particles);
    }

    long firstLine() {
        return index * PanelLayout.BAND_LINES;
    }
}
