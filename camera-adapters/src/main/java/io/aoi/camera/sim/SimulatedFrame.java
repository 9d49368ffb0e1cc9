package io.aoi.camera.sim;

import io.aoi.image.Image;
import java.util.List;

/**
 * Rendered lines with their ground truth, in frame coordinates (row 0 = {@code firstLine}).
 *
 * @param image     the rendered rows
 * @param firstLine absolute line position of row 0
 * @param particles particles whose centre falls on a row of this frame (row = round(y)), y relative to
 *                  {@code firstLine}; their relief may extend beyond the frame
 * @param bumps     bumps lying wholly inside the frame, y relative to {@code firstLine}
 */
public record SimulatedFrame(Image image, long firstLine, List<TrueParticle> particles, List<TrueBump> bumps) {
    public SimulatedFrame {
        particles = List.copyOf(particles);
        bumps = List.copyOf(bumps);
    }
}
