package io.aoi.deblur.wiener;

import java.util.Arrays;
import java.util.Random;

/** Seeded synthetic test planes with known content, values in [0, 1]. */
final class SyntheticScenes {
    private SyntheticScenes() {
    }

    /** Bright rectangles and small relief discs on a mid-grey background. */
    static float[] discsAndRectangles(int w, int h, long seed) {
        Random random = new Random(seed);
        float[] plane = new float[w * h];
        Arrays.fill(plane, 0.3f);
        for (int n = 0; n < 6; n++) {
            int rx = random.nextInt(w - 60);
            int ry = random.nextInt(h - 40);
            for (int y = ry; y < ry + 30; y++) {
                for (int x = rx; x < rx + 50; x++) {
                    plane[y * w + x] = 0.6f;
                }
            }
        }
        for (int n = 0; n < 80; n++) {
            double cx = 8 + random.nextDouble() * (w - 16);
            double cy = 8 + random.nextDouble() * (h - 16);
            double r = 2 + random.nextDouble() * 4;
            for (int y = (int) (cy - r - 1); y <= (int) (cy + r + 1); y++) {
                for (int x = (int) (cx - r - 1); x <= (int) (cx + r + 1); x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    double rho2 = (dx * dx + dy * dy) / (r * r);
                    if (rho2 < 1) {
                        plane[y * w + x] += (float) (0.25 * dx / r * (1 - rho2));
                    }
                }
            }
        }
        return plane;
    }

    /** {@code plane} convolved with {@code kernel} (odd side), borders replicated. */
    static float[] convolve(float[] plane, int w, int h, float[] kernel, int side) {
        float[] out = new float[plane.length];
        int c = side / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int ky = 0; ky < side; ky++) {
                    int sy = Math.min(h - 1, Math.max(0, y + ky - c));
                    for (int kx = 0; kx < side; kx++) {
                        int sx = Math.min(w - 1, Math.max(0, x + kx - c));
                        sum += kernel[ky * side + kx] * plane[sy * w + sx];
                    }
                }
                out[y * w + x] = (float) sum;
            }
        }
        return out;
    }

    /** {@code plane} convolved with a horizontal 1x5 box, borders replicated. */
    static float[] convolve1x5(float[] plane, int w, int h) {
        float[] kernel = new float[25];
        for (int x = 0; x < 5; x++) {
            kernel[2 * 5 + x] = 0.2f;
        }
        return convolve(plane, w, h, kernel, 5);
    }

    static float[] addNoise(float[] plane, double sigma, long seed) {
        Random random = new Random(seed);
        float[] out = plane.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += (float) (random.nextGaussian() * sigma);
        }
        return out;
    }

    /** Peak signal-to-noise ratio in dB for signals in [0, 1], over the whole plane. */
    static double psnr(float[] a, float[] b) {
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            double d = Math.min(1, Math.max(0, a[i])) - Math.min(1, Math.max(0, b[i]));
            se += d * d;
        }
        return 10 * Math.log10(1 / (se / a.length));
    }
}
