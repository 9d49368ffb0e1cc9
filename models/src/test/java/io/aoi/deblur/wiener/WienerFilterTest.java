package io.aoi.deblur.wiener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WienerFilterTest {
    private static final int W = 160;
    private static final int H = 120;

    @Test
    void flatPlaneStaysFlatUpToTheEdges() {
        float[] flat = new float[W * H];
        Arrays.fill(flat, 0.42f);
        float[] out = WienerFilter.wiener(flat, W, H, WienerFilter.gaussianKernel(2.5), 21, 21, 1e-3);
        for (float v : out) {
            assertEquals(0.42f, v, 1e-4f);
        }
    }

    @Test
    void restoresAGaussianBlurredSceneBetterThanTheBlurredInput() {
        float[] sharp = SyntheticScenes.discsAndRectangles(W, H, 7);
        float[] kernel = WienerFilter.gaussianKernel(2.5);
        int side = WienerFilter.gaussianKernelSide(2.5);
        float[] blurred = SyntheticScenes.addNoise(SyntheticScenes.convolve(sharp, W, H, kernel, side), 0.002, 8);
        float[] restored = WienerFilter.wiener(blurred, W, H, kernel, side, side, 1e-3);
        double before = SyntheticScenes.psnr(sharp, blurred);
        double after = SyntheticScenes.psnr(sharp, restored);
        System.out.printf("synthetic sigma 2.5: PSNR blurred %.2f dB, wiener %.2f dB%n", before, after);
        assertTrue(after > before + 2, "PSNR " + before + " -> " + after);
    }

    @Test
    void acceptsAnArbitraryShiftingKernel() {
        float[] sharp = SyntheticScenes.discsAndRectangles(W, H, 9);
        // a 1x5 box: horizontal motion blur
        float[] box = {1, 1, 1, 1, 1};
        float[] blurred = SyntheticScenes.convolve1x5(sharp, W, H);
        float[] restored = WienerFilter.wiener(blurred, W, H, box, 5, 1, 1e-3);
        assertTrue(SyntheticScenes.psnr(sharp, restored) > SyntheticScenes.psnr(sharp, blurred) + 2);
    }

    @Test
    void rejectsAKernelThatSumsToZeroNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WienerFilter.wiener(new float[W * H], W, H, new float[] {1, -1}, 2, 1, 1e-3));
        assertTrue(e.getMessage().contains("psf sums to"), e.getMessage());
    }
}
