package io.aoi.deblur;

import java.util.List;

/**
 * A square, normalised, non-negative blur kernel (point-spread function) with its centre at
 * ({@code sidePx / 2}, {@code sidePx / 2}), as a blind deblurrer estimates it for a frame.
 *
 * @param sidePx odd side length, at least 1
 * @param taps   {@code sidePx * sidePx} row-major values; normalised here to sum 1 (a copy is kept)
 */
public record BlurKernel(int sidePx, float[] taps) {

    public BlurKernel {
        if (sidePx < 1 || sidePx % 2 == 0) {
            throw new IllegalArgumentException("kernel side " + sidePx + " px; allowed: an odd number >= 1");
        }
        if (taps == null || taps.length != sidePx * sidePx) {
            throw new IllegalArgumentException("kernel has " + (taps == null ? 0 : taps.length) + " taps; a "
                    + sidePx + "x" + sidePx + " kernel needs " + sidePx * sidePx);
        }
        double sum = 0;
        for (float t : taps) {
            if (!(t >= 0) || Float.isInfinite(t)) {
                throw new IllegalArgumentException("kernel tap " + t + "; allowed: finite values >= 0");
            }
            sum += t;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("kernel taps sum to " + sum + "; allowed: a positive sum");
        }
        float[] normalised = new float[taps.length];
        for (int i = 0; i < taps.length; i++) {
            normalised[i] = (float) (taps[i] / sum);
        }
        taps = normalised;
    }

    /** A copy of the normalised taps. */
    @Override
    public float[] taps() {
        return taps.clone();
    }

    /** Tap at column x, row y (0-based from the top-left). */
    public float tap(int x, int y) {
        return taps[y * sidePx + x];
    }

    /**
     * The defocus as the sigma of the equivalent Gaussian: the kernel's second central moment, {@code
     * sqrt((var_x + var_y) / 2)}, in pixels. 0 for a delta; about {@code s} for a Gaussian of sigma {@code s}
     * that fits in the kernel.
     */
    public double defocusSigmaPx() {
        double mx = 0;
        double my = 0;
        for (int y = 0; y < sidePx; y++) {
            for (int x = 0; x < sidePx; x++) {
                mx += x * taps[y * sidePx + x];
                my += y * taps[y * sidePx + x];
            }
        }
        double var = 0;
        for (int y = 0; y < sidePx; y++) {
            for (int x = 0; x < sidePx; x++) {
                var += taps[y * sidePx + x] * ((x - mx) * (x - mx) + (y - my) * (y - my));
            }
        }
        return Math.sqrt(var / 2);
    }

    /** The tap-wise mean of kernels of one size (for one kernel from several crops of a frame). */
    public static BlurKernel mean(List<BlurKernel> kernels) {
        if (kernels.isEmpty()) {
            throw new IllegalArgumentException("no kernels to average");
        }
        int side = kernels.get(0).sidePx();
        float[] sum = new float[side * side];
        for (BlurKernel k : kernels) {
            if (k.sidePx() != side) {
                throw new IllegalArgumentException("kernels of sides " + side + " and " + k.sidePx()
                        + " px; allowed: one side");
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += k.taps[i];
            }
        }
        return new BlurKernel(side, sum);
    }
}
