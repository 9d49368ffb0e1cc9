package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BlurKernelTest {

    private static BlurKernel gaussian(double sigma, int side, double dx) {
        float[] taps = new float[side * side];
        int c = side / 2;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r2 = (x - c - dx) * (x - c - dx) + (y - c) * (y - c);
                taps[y * side + x] = (float) Math.exp(-r2 / (2 * sigma * sigma));
            }
        }
        return new BlurKernel(side, taps);
    }

    @Test
    void defocusOfAGaussianIsItsSigmaWhereverItIsCentred() {
        for (double sigma : new double[] {0.8, 1.5, 2.5, 3.0}) {
            assertEquals(sigma, gaussian(sigma, 21, 0).defocusSigmaPx(), 0.01, "sigma " + sigma);
            // shifted, the 21-tap window truncates the far tail a little more
            assertEquals(sigma, gaussian(sigma, 21, 1.5).defocusSigmaPx(), 0.02, "shifted, sigma " + sigma);
        }
    }

    @Test
    void deltaHasNoDefocusAndTapsAreNormalised() {
        float[] taps = new float[9];
        taps[4] = 7f;
        BlurKernel delta = new BlurKernel(3, taps);
        assertEquals(0.0, delta.defocusSigmaPx(), 1e-9);
        assertEquals(1f, delta.tap(1, 1), 0f);
    }

    @Test
    void meanOfKernelsAveragesTheirTaps() {
        BlurKernel a = gaussian(1.0, 21, 0);
        BlurKernel b = gaussian(3.0, 21, 0);
        BlurKernel m = BlurKernel.mean(List.of(a, b));
        assertEquals((a.tap(10, 10) + b.tap(10, 10)) / 2, m.tap(10, 10), 1e-6);
        // second moments add: sigma^2 of the mean is the mean of the sigma^2
        assertEquals(Math.sqrt((1.0 + 9.0) / 2), m.defocusSigmaPx(), 0.02);
    }

    @Test
    void badKernelsAreRefusedWithWhatIsAllowed() {
        IllegalArgumentException even = assertThrows(IllegalArgumentException.class,
                () -> new BlurKernel(4, new float[16]));
        assertTrue(even.getMessage().contains("odd"), even.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new BlurKernel(1, new float[] {-1f}));
        assertTrue(negative.getMessage().contains(">= 0"), negative.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> BlurKernel.mean(List.of(gaussian(1, 21, 0), gaussian(1, 5, 0))));
    }
}
