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
        for (int y = (int) Math.floor(cy - radius - 2); y <= (int) Math.ceil(cy + radius + 2); y++) {
            for (int x = (int) Math.floor(cx - radius - 2); x <= (int) Math.ceil(cx + radius + 2); x++) {
                if (x < 0 || y < 0 || x >= w || y >= h) {
                    continue;
                }
                double dx = x - cx;
                double rho = Math.hypot(dx, y - cy);
                double t = Math.min(1, Math.max(0, (radius + 0.75 - rho) / 1.5));
                plane[y * w + x] += (float) (contrast * dx / radius * t * t * (3 - 2 * t));
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

    Image toImage(int bitDepth) {
        return Image.fromFloatChannels(w, h, bitDepth, plane);
    }
}
