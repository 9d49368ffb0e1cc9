package io.aoi.camera.sim;

import io.aoi.image.Image;

/**
 * The sensor: additive Gaussian read noise (sigma as a fraction of full scale) plus shot noise growing with
 * the square root of the signal (half the read noise at full scale), then quantisation to 8 or 16 bit.
 * Noise values are hashed from (seed, column, absolute line), so the same line is always identical.
 * Without read noise there is no shot noise either, which gives exact noise-free renders.
 */
final class Sensor {
    private static final int SALT_NOISE = 31;

    private Sensor() {
    }

    static Image expose(float[] values, int width, long firstLine, int bitDepth, double noiseSigma, long seed) {
        if (!(noiseSigma >= 0)) {
            throw new IllegalArgumentException("noiseSigma = " + noiseSigma + "; must be >= 0");
        }
        int rows = values.length / width;
        int max = (1 << bitDepth) - 1;
        short[] out = new short[values.length];
        for (int row = 0; row < rows; row++) {
            long line = firstLine + row;
            int base = row * width;
            for (int x = 0; x < width; x++) {
                double v = values[base + x];
                if (noiseSigma > 0) {
                    long h = Hash.of(seed, SALT_NOISE, x, line);
                    v += noiseSigma * Hash.gaussianFirst(h)
                            + 0.5 * noiseSigma * Math.sqrt(Math.max(0, v)) * Hash.gaussianSecond(h);
                }
                long q = Math.round(v * max);
                out[base + x] = (short) Math.max(0, Math.min(max, q));
            }
        }
        return new Image(width, rows, 1, bitDepth, out);
    }
}
