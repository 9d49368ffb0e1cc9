package io.aoi.detect;

import io.aoi.image.Image;
import java.util.Arrays;
import java.util.Random;

/**
 * Seeded synthetic frames with known particles: a flat background, optional bright bump rectangles, DIC relief
 * discs (bright on +x, dark on -x, amplitude = contrast at the rim) and Gaussian noise. Values in [0, 1]
 * until {@link #toImage(int)}.
 */
final class TestFrames {
    private final int w;
    private final int h;
    private final float[] plane;

    TestFrames(int w, int h, double background) {
        this.w = w;
        this.h = h;
        this.plane = new float[w * h];
        Arrays.fill(plane, (float) background);
    }

    TestFrames bump(int x, int y, int width, int height, double level) {
        for (int yy = y; yy < y + height; yy++) {
            Arrays.fill(plane, yy * w + x, yy * w + x + width, (float) level);
        }
        return this;
    }

    TestFrames disc(double cx, double cy, double radius, double contrast) {
        return disc(cx, cy, radius, contrast, 0);
    }

    /** A relief lit from {@code angleDeg}, counter-clockwise from +x with rows growing downwards. */
    TestFrames disc(double cx, double cy, double radius, double contrast, double angleDeg) {
        double ux = Math.cos(Math.toRadians(angleDeg));
        double uy = -Math.sin(Math.toRadians(angleDeg));
        for (int y = (int) Math.floor(cy - radius - 2); y <= (int) Math.ceil(cy + radius + 2); y++) {
            for (int x = (int) Math.floor(cx - radius - 2); x <= (int) Math.ceil(cx + radius + 2); x++) {
                if (x < 0 || y < 0 || x >= w || y >= h) {
                    continue;
                }
                double u = (x - cx) * ux + (y - cy) * uy;
                double rho = Math.hypot(x - cx, y - cy);
                double t = Math.min(1, Math.max(0, (radius + 0.75 - rho) / 1.5));
                plane[y * w + x] += (float) (contrast * u / radius * t * t * (3 - 2 * t));
            }
        }
        return this;
    }

    TestFrames noise(double sigma, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < plane.length; i++) {
            plane[i] += (float) (random.nextGaussian() * sigma);
        }
        return this;
    }

    /**
     * Adds correlated noise of pixel standard deviation {@code sigma}: white Gaussian noise blurred with a Gaussian
     * of {@code blurSigmaPx} (wrapping at the frame edges) and rescaled, like the amplified noise of a restored
     * frame: specks about as large as small particles.
     */
    TestFrames colouredNoise(double sigma, double blurSigmaPx, long seed) {
        float[] field = colouredField(w, h, blurSigmaPx, seed);
        for (int i = 0; i < plane.length; i++) {
            plane[i] += (float) (field[i] * sigma);
        }
        return this;
    }

    /** The correlated noise of {@link #colouredNoise} with pixel standard deviation 1, row-major w x h. */
    static float[] colouredField(int w, int h, double blurSigmaPx, long seed) {
        Random random = new Random(seed);
        float[] white = new float[w * h];
        for (int i = 0; i < white.length; i++) {
            white[i] = (float) random.nextGaussian();
        }
        int reach = (int) Math.ceil(3 * blurSigmaPx);
        double[] kernel = new double[2 * reach + 1];
        for (int i = -reach; i <= reach; i++) {
            kernel[i + reach] = Math.exp(-i * i / (2 * blurSigmaPx * blurSigmaPx));
        }
        float[] across = new float[w * h];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int i = -reach; i <= reach; i++) {
                    sum += kernel[i + reach] * white[y * w + Math.floorMod(x + i, w)];
                }
                across[y * w + x] = (float) sum;
            }
        }
        double sumSquares = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int i = -reach; i <= reach; i++) {
                    sum += kernel[i + reach] * across[Math.floorMod(y + i, h) * w + x];
                }
                out[y * w + x] = (float) sum;
                sumSquares += sum * sum;
            }
        }
        float scale = (float) (1 / Math.sqrt(sumSquares / out.length));
        for (int i = 0; i < out.length; i++) {
            out[i] *= scale;
        }
        return out;
    }

    /** The values so far, row-major; a copy. */
    float[] plane() {
        return plane.clone();
    }

    Image toImage(int bitDepth) {
        return Image.fromFloatChannels(w, h, bitDepth, plane);
    }
}
