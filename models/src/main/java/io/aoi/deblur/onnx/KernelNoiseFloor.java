package io.aoi.deblur.onnx;

/**
 * Tops a crop's noise up to {@link #NOISE_SIGMA} before the first pass's kernel estimate; the reference is
 * {@code models/python/aoi_models/udbd/passes.py} ({@code noise_floor}), which adds the same values.
 *
 * <p>Why: a clean 8-bit frame of a smooth, defocused scene keeps the quantisation's contour steps, and the kernel
 * net reads them as sharp edges (on the held-out test photos, noise-free, the least textured crops read 0 to 0.8 px
 * at a true sigma of 2.4). With camera noise the steps drown and the same crops read right. So the crop's noise is
 * measured (Immerkaer's estimator: the mean absolute response to the 3 x 3 difference-of-Laplacians mask times
 * sqrt(pi / 2) / 6) and, when it is below the floor, {@link #pattern} times sqrt(floor^2 - measured^2) is added.
 * A crop already that noisy is left as it is. Only the kernel graph's input is changed, never the frame that is
 * restored.
 */
final class KernelNoiseFloor {
    /** The noise sigma, as a fraction of full scale, the kernel net is given at least. */
    static final double NOISE_SIGMA = 0.01;
    private static final double IMMERKAER_SCALE = Math.sqrt(Math.PI / 2) / 6;
    private static final double UNIT_VARIANCE_SCALE = Math.sqrt(12.0);

    private KernelNoiseFloor() {
    }

    /** Immerkaer's noise sigma of a row-major crop (at least 3 x 3; 0 for a smaller one). */
    static double measuredNoise(float[] crop, int width, int height) {
        if (width < 3 || height < 3) {
            return 0;
        }
        double sum = 0;
        for (int y = 1; y < height - 1; y++) {
            int up = (y - 1) * width;
            int row = y * width;
            int down = (y + 1) * width;
            for (int x = 1; x < width - 1; x++) {
                double r = crop[up + x - 1] - 2.0 * crop[up + x] + crop[up + x + 1]
                        - 2.0 * crop[row + x - 1] + 4.0 * crop[row + x] - 2.0 * crop[row + x + 1]
                        + crop[down + x - 1] - 2.0 * crop[down + x] + crop[down + x + 1];
                sum += Math.abs(r);
            }
        }
        return sum / ((double) (width - 2) * (height - 2)) * IMMERKAER_SCALE;
    }

    /** Adds the top-up to the crop in place; returns the sigma added (0 when the crop is noisy enough). */
    static double apply(float[] crop, int width, int height) {
        double measured = measuredNoise(crop, width, height);
        if (measured >= NOISE_SIGMA) {
            return 0;
        }
        double topUp = Math.sqrt(NOISE_SIGMA * NOISE_SIGMA - measured * measured);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                crop[y * width + x] += (float) (topUp * pattern(x, y));
            }
        }
        return topUp;
    }

    /**
     * The fixed pattern at (x, y) of a crop, mean 0 and variance 1: uniform, from the top 24 bits of
     * lowbias32(y * 65536 + x) (C. Wellons' integer hash, in wrapping 32-bit arithmetic).
     */
    static double pattern(int x, int y) {
        int h = y * 65536 + x;
        h ^= h >>> 16;
        h *= 0x7FEB352D;
        h ^= h >>> 15;
        h *= 0x846CA68B;
        h ^= h >>> 16;
        double u = (h >>> 8) / (double) (1 << 24);
        return (u - 0.5) * UNIT_VARIANCE_SCALE;
    }
}
