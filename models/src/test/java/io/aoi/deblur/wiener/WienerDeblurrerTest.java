package io.aoi.deblur.wiener;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import org.junit.jupiter.api.Test;

class WienerDeblurrerTest {
    private static final int W = 128;
    private static final int H = 96;

    @Test
    void keepsSizeDepthAndChannelsOfColour16BitFrames() throws DeblurException {
        float[] sharp = SyntheticScenes.discsAndRectangles(W, H, 3);
        float[] blurred = SyntheticScenes.convolve(sharp, W, H, WienerFilter.gaussianKernel(2.0),
                WienerFilter.gaussianKernelSide(2.0));
        float[] inverted = new float[blurred.length];
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = 1 - blurred[i];
        }
        Image frame = Image.fromFloatChannels(W, H, 16, blurred, inverted, blurred);
        try (WienerDeblurrer wiener = new WienerDeblurrer(2.0, 1e-3)) {
            Image out = wiener.deblur(frame, 1);
            assertEquals(W, out.width());
            assertEquals(H, out.height());
            assertEquals(3, out.channels());
            assertEquals(16, out.bitDepth());
            // channels are restored independently: the inverted channel comes back inverted
            float[] r = out.channelAsFloat(0);
            float[] g = out.channelAsFloat(1);
            for (int i = 0; i < r.length; i += 37) {
                if (r[i] > 0.01f && r[i] < 0.99f) {
                    assertEquals(1 - r[i], g[i], 2e-3f);
                }
            }
            assertTrue(SyntheticScenes.psnr(sharp, r) > SyntheticScenes.psnr(sharp, blurred) + 1);
        }
    }

    @Test
    void zeroPassesReturnsTheFrameUnchanged() throws DeblurException {
        Image frame = Image.blank(W, H, 1, 8);
        try (WienerDeblurrer wiener = new WienerDeblurrer(2.0, 1e-3)) {
            assertSame(frame, wiener.deblur(frame, 0));
        }
    }

    @Test
    void closedDeblurrerRefusesFramesAndClosesIdempotently() throws DeblurException {
        WienerDeblurrer wiener = new WienerDeblurrer(2.0, 1e-3);
        wiener.close();
        wiener.close();
        assertThrows(IllegalStateException.class, () -> wiener.deblur(Image.blank(W, H, 1, 8), 1));
    }
}
