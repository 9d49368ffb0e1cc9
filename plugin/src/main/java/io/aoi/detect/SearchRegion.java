package io.aoi.detect;

import java.util.List;

/**
 * A rectangle of the frame the particle search runs on, and the rectangles whose particles are reported (the
 * bumps; a particle counts for a bump when its centre lies inside it).
 *
 * @param x      left column of the search rectangle
 * @param y      top row
 * @param width  columns
 * @param height rows
 * @param cores  where reported particles lie, in frame pixels
 */
record SearchRegion(int x, int y, int width, int height, List<BumpRegion> cores) {
    SearchRegion {
        cores = List.copyOf(cores);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("search region " + width + " x " + height + "; both must be > 0");
        }
    }

    /** Whether a particle centre at frame position (px, py) lies in one of the cores. */
    boolean reports(double px, double py) {
        for (BumpRegion core : cores) {
            if (core.contains(px, py)) {
                return true;
            }
        }
        return false;
    }

    long areaPx() {
        return (long) width * height;
    }
}
