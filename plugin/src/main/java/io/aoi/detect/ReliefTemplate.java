package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import org.opencv.core.Mat;

/**
 * The matched filter for one particle radius: the DIC relief of a pressed sphere, an intensity ramp
 * {@code u / r} inside a disc of radius r (u = distance along the illumination direction from the centre),
 * bright towards the light, dark away from it, with a 1.5 px smooth rim.
 *
 * <p>The template is odd along the illumination direction and even across it, so a constant background and
 * intensity gradients across the illumination direction give no response; correlating it with a frame and
 * dividing by {@link #energy()} gives the least-squares relief amplitude (peak brightening of the bright half).
 */
final class ReliefTemplate {
    /** Half the width of the smooth rim of a relief disc, in pixels. */
    static final double RIM_HALF_WIDTH_PX = 0.75;

    private final double radiusPx;
    private final int side;
    private final float[] weights;
    private final double energy;

    /**
     * @param radiusPx              disc radius in pixels
     * @param illuminationAngleDeg  direction from dark to bright half, counter-clockwise from +x; rows grow
     *                              downwards, so the direction in pixel steps is (cos a, -sin a)
     */
    ReliefTemplate(double radiusPx, double illuminationAngleDeg) {
        this.radiusPx = radiusPx;
        int half = (int) Math.ceil(radiusPx + RIM_HALF_WIDTH_PX);
        this.side = 2 * half + 1;
        double angle = Math.toRadians(illuminationAngleDeg);
        double ux = Math.cos(angle);
        double uy = -Math.sin(angle);
        this.weights = new float[side * side];
        double sum2 = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double dx = x - half;
                double dy = y - half;
                double v = (dx * ux + dy * uy) / radiusPx * coverage(Math.hypot(dx, dy), radiusPx);
                weights[y * side + x] = (float) v;
                sum2 += v * v;
            }
        }
        this.energy = sum2;
    }

    /** 1 inside the disc, 0 outside, a smoothstep across the rim. */
    static double coverage(double distancePx, double radiusPx) {
        double t = (radiusPx + RIM_HALF_WIDTH_PX - distancePx) / (2 * RIM_HALF_WIDTH_PX);
        if (t <= 0) {
            return 0;
        }
        if (t >= 1) {
            return 1;
        }
        return t * t * (3 - 2 * t);
    }

    double radiusPx() {
        return radiusPx;
    }

    /** Odd side length of the square kernel; the centre is at (side / 2, side / 2). */
    int side() {
        return side;
    }

    /** Row-major kernel weights; do not modify. */
    float[] weights() {
        return weights;
    }

    /**
     * A new {@code CV_32F} kernel of the weights divided by the template norm, so correlating with it gives the
     * response in {@link ScaleResponses}; the caller owns (releases) it.
     */
    Mat kernel() {
        float[] scaled = new float[weights.length];
        float norm = (float) Math.sqrt(energy);
        for (int i = 0; i < weights.length; i++) {
            scaled[i] = weights[i] / norm;
        }
        return FloatPlanes.toMat(scaled, side, side);
    }

    /** Sum of squared weights. */
    double energy() {
        return energy;
    }
}
