package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class KernelNoiseFloorTest {

    private static float[] smoothQuantised(int w, int h) {
        float[] crop = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0.4 + 0.3 * Math.sin(x / 37.0) * Math.cos(y / 29.0);
                crop[y * w + x] = Math.round(v * 255) / 255f;
            }
        }
        return crop;
    }

    private static float[] noisy(int w, int h, double sigma, long seed) {
        Random rnd = new Random(seed);
        float[] crop = new float[w * h];
        for (int i = 0; i < crop.length; i++) {
            crop[i] = (float) (0.5 + sigma * rnd.nextGaussian());
        }
        return crop;
    }

    /** The same values as passes.pattern in models/python (test_udbd_passes.py checks these positions too). */
    @Test
    void patternMatchesThePythonReference() {
        assertEquals(-1.7320507764816284, KernelNoiseFloor.pattern(0, 0), 1e-6);
        assertEquals(-0.31748825311660767, KernelNoiseFloor.pattern(1, 0), 1e-6);
        assertEquals(1.254197597503662, KernelNoiseFloor.pattern(0, 1), 1e-6);
        assertEquals(-0.7207755446434021, KernelNoiseFloor.pattern(5, 7), 1e-6);
        assertEquals(-1.6108055114746094, KernelNoiseFloor.pattern(255, 255), 1e-6);
    }

    @Test
    void patternHasZeroMeanAndUnitVariance() {
        double sum = 0;
        double sq = 0;
        int n = 256 * 256;
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                double p = KernelNoiseFloor.pattern(x, y);
                assertTrue(Math.abs(p) <= Math.sqrt(3) + 1e-9, "pattern " + p + " outside the uniform's range");
                sum += p;
                sq += p * p;
            }
        }
        double mean = sum / n;
        double variance = sq / n - mean * mean;
        assertEquals(0, mean, 0.01, "mean");
        assertEquals(1, variance, 0.02, "variance");
    }

    @Test
    void measuresGaussianNoiseAndIgnoresSmoothStructure() {
        assertEquals(0.005, KernelNoiseFloor.measuredNoise(noisy(256, 256, 0.005, 3), 256, 256), 0.0003);
        assertEquals(0.02, KernelNoiseFloor.measuredNoise(noisy(256, 256, 0.02, 4), 256, 256), 0.001);
        assertTrue(KernelNoiseFloor.measuredNoise(smoothQuantised(256, 256), 256, 256) < 0.002);
        assertEquals(0, KernelNoiseFloor.measuredNoise(new float[4], 2, 2));
    }

    @Test
    void cleanCropIsToppedUpToTheFloorDeterministically() {
        float[] a = smoothQuantised(200, 150);
        float[] b = smoothQuantised(200, 150);
        double before = KernelNoiseFloor.measuredNoise(a, 200, 150);
        double added = KernelNoiseFloor.apply(a, 200, 150);
        KernelNoiseFloor.apply(b, 200, 150);
        assertArrayEquals(a, b, "the same crop gets the same top-up");
        assertEquals(Math.sqrt(KernelNoiseFloor.NOISE_SIGMA * KernelNoiseFloor.NOISE_SIGMA - before * before), added,
                1e-12);
        double after = KernelNoiseFloor.measuredNoise(a, 200, 150);
        assertEquals(KernelNoiseFloor.NOISE_SIGMA, after, 0.0015, "noise after the top-up");
    }

    @Test
    void cropAboveTheFloorIsLeftAsItIs() {
        float[] crop = noisy(128, 96, 0.02, 9);
        float[] copy = crop.clone();
        assertEquals(0, KernelNoiseFloor.apply(crop, 128, 96));
        assertArrayEquals(copy, crop);
    }
}
