package io.aoi.plugin.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharpnessTest {

    @Test
    void aFlatImageHasNoLaplacianEnergy() {
        short[] s = new short[64 * 64];
        java.util.Arrays.fill(s, (short) 120);
        assertEquals(0.0, Sharpness.laplacianEnergy(new Image(64, 64, 1, 8, s)), 1e-12);
    }

    @Test
    void boxBlurLowersTheMeasure() {
        Random rnd = new Random(7);
        int w = 96;
        int h = 64;
        short[] sharp = new short[w * h];
        for (int i = 0; i < sharp.length; i++) {
            sharp[i] = (short) (rnd.nextBoolean() ? 200 : 40);
        }
        short[] blurred = new short[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int sum = 0;
                int n = 0;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int xx = Math.min(w - 1, Math.max(0, x + dx));
                        int yy = Math.min(h - 1, Math.max(0, y + dy));
                        sum += sharp[yy * w + xx];
                        n++;
                    }
                }
                blurred[y * w + x] = (short) (sum / n);
            }
        }
        double s = Sharpness.laplacianEnergy(new Image(w, h, 1, 8, sharp));
        double b = Sharpness.laplacianEnergy(new Image(w, h, 1, 8, blurred));
        assertTrue(b < s / 4, "blurred " + b + " vs sharp " + s);
    }
}
