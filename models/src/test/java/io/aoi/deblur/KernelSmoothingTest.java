package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KernelSmoothingTest {

    private static BlurKernel delta(int side, int x, int y) {
        float[] taps = new float[side * side];
        taps[y * side + x] = 1f;
        return new BlurKernel(side, taps);
    }

    @Test
    void movingAverageWeighsTheNewFrameAndStartsFromTheFirstEstimate() {
        KernelSmoothing s = new KernelSmoothing(0.25);
        BlurKernel a = delta(3, 1, 1);
        BlurKernel b = delta(3, 0, 1);
        assertSame(a, s.apply(null, a));
        BlurKernel m = s.apply(a, b);
        assertEquals(0.75f, m.tap(1, 1), 1e-6f);
        assertEquals(0.25f, m.tap(0, 1), 1e-6f);
        assertSame(b, KernelSmoothing.NONE.apply(a, b));
    }

    @Test
    void weightsOutsideTheOpenUnitIntervalAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new KernelSmoothing(0));
        assertThrows(IllegalArgumentException.class, () -> new KernelSmoothing(1.5));
        assertThrows(IllegalArgumentException.class, () -> new KernelSmoothing(Double.NaN));
    }
}
