package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UdbdDeblurrerTest {

    /** A blurred-looking 8-bit texture: smooth sinusoids plus a bright rectangle, seeded noise. */
    private static Image texture(int w, int h, int channels, int bitDepth) {
        Random rnd = new Random(17);
        int max = (1 << bitDepth) - 1;
        short[] s = new short[w * h * channels];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = 0.5 + 0.2 * Math.sin(x / 4.0) * Math.cos(y / 5.0) + 0.01 * rnd.nextGaussian();
                if (x > w / 3 && x < w / 2 && y > h / 4 && y < h / 2) {
                    v += 0.25;
                }
                for (int c = 0; c < channels; c++) {
                    s[(y * w + x) * channels + c] = (short) Math.round(Math.max(0, Math.min(1, v)) * max);
                }
            }
        }
        return new Image(w, h, channels, bitDepth, s);
    }

    @Test
    void zeroPassesReturnsTheFrameUnchanged() throws DeblurException {
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 16))) {
            Image in = texture(40, 30, 1, 8);
            assertSame(in, d.deblur(in, 0));
        }
    }

    @Test
    void rejectsMoreThanThreePasses() throws DeblurException {
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 16))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> d.deblur(texture(20, 20, 1, 8), 4));
            assertTrue(e.getMessage().contains("passes = 4"), e.getMessage());
        }
    }

    @Test
    void keepsSizeDepthAndChannelsForOddAndTinyFrames() throws DeblurException {
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 16))) {
            int[][] sizes = {{67, 45}, {5, 3}, {1, 1}};
            for (int[] s : sizes) {
                Image out = d.deblur(texture(s[0], s[1], 1, 16), 2);
                assertEquals(s[0], out.width());
                assertEquals(s[1], out.height());
                assertEquals(16, out.bitDepth());
                assertEquals(1, out.channels());
            }
        }
    }

    @Test
    void colourIsRestoredPerChannelLikeMono() throws DeblurException {
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 16))) {
            Image mono = d.deblur(texture(50, 40, 1, 8), 1);
            Image rgb = d.deblur(texture(50, 40, 3, 8), 1);
            for (int y = 0; y < 40; y++) {
                for (int x = 0; x < 50; x++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(mono.sample(x, y, 0), rgb.sample(x, y, c), "at " + x + "," + y + "," + c);
                    }
                }
            }
        }
    }

    @Test
    void tiledFrameDiffersLittleFromTheWholeFrame() throws DeblurException {
        Image in = texture(100, 72, 1, 8);
        Image tiled;
        Image whole;
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 24))) {
            tiled = d.deblur(in, 1);
        }
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(512, 24))) {
            whole = d.deblur(in, 1);
        }
        double sum = 0;
        int max = 0;
        for (int y = 0; y < 72; y++) {
            for (int x = 0; x < 100; x++) {
                int diff = Math.abs(tiled.sample(x, y, 0) - whole.sample(x, y, 0));
                sum += diff;
                max = Math.max(max, diff);
            }
        }
        double mean = sum / (100 * 72);
        System.out.printf("UDBD tiled (64/24) vs whole frame: mean |diff| %.3f, max %d of 255%n", mean, max);
        assertTrue(mean < 1.0, "mean difference " + mean + " levels");
        assertTrue(max <= 12, "max difference " + max + " levels");
    }

    @Test
    void constantFrameStaysNearlyConstant() throws DeblurException {
        short[] s = new short[80 * 60];
        java.util.Arrays.fill(s, (short) 140);
        Image in = new Image(80, 60, 1, 8, s);
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 16))) {
            Image out = d.deblur(in, 3);
            int max = 0;
            for (int y = 0; y < 60; y++) {
                for (int x = 0; x < 80; x++) {
                    max = Math.max(max, Math.abs(out.sample(x, y, 0) - 140));
                }
            }
            System.out.printf("UDBD constant frame after 3 passes: max deviation %d of 255%n", max);
            assertTrue(max <= 3, "max deviation " + max + " levels");
        }
    }

    @Test
    void closedDeblurrerRefusesFrames() throws DeblurException {
        UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(64, 16));
        d.close();
        d.close();
        assertThrows(IllegalStateException.class, () -> d.deblur(texture(10, 10, 1, 8), 1));
    }
}
