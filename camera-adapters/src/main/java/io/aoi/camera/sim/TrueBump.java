package io.aoi.camera.sim;

/**
 * A bump (gold electrode) the simulator drew: a rectangle covering columns x .. x + width - 1 and lines
 * y .. y + height - 1. Heights never exceed {@link #MAX_HEIGHT_PX}, so a frame overlap of more than that
 * always shows every bump whole in some frame.
 *
 * @param id            unique on the panel, "R{row}-B{index in row}"
 * @param x             left column
 * @param y             top line: absolute from {@link PanelSimulator#bumpsIn}, frame row from
 *                      {@link SimulatedFrame#bumps()}
 * @param width         in pixels
 * @param height        in lines
 * @param particleCount particles whose centre lies on this bump (those with this {@code bumpId})
 */
public record TrueBump(String id, int x, long y, int width, int height, int particleCount) {

    public static final int MAX_HEIGHT_PX = 64;

    /** The same bump with y moved by {@code -lines}. */
    TrueBump shiftedUp(long lines) {
        return new TrueBump(id, x, y - lines, width, height, particleCount);
    }
}
