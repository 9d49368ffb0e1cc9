package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.SimulatedCameraSettings;
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

    /**
     * A defocused simulated panel frame in 128 px tiles with 32 px overlap (each tile's kernel is estimated
     * from the tile) against one run over the whole frame. The content matters: on a pure sinusoid, whose blur
     * cannot be told from its amplitude, the per-tile kernel estimates differ and so do the tiles.
     */
    @Test
    void tiledFrameDiffersLittleFromTheWholeFrame() throws DeblurException {
        int w = 300;
        int h = 200;
        Image in = new PanelSimulator(new SimulatedCameraSettings(w, 8, 1000, 2.0, 0, 0.01, 12,
                SimulatedCameraSettings.DEFAULT_MICRONS_PER_PIXEL, 5))
                .frame(0, h).image();
        Image tiled;
        Image whole;
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(128, 32))) {
            tiled = d.deblur(in, 1);
        }
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(512, 24))) {
            whole = d.deblur(in, 1);
        }
        double sum = 0;
        int max = 0;
        int beyondFiveLevels = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int diff = Math.abs(tiled.sample(x, y, 0) - whole.sample(x, y, 0));
                sum += diff;
                max = Math.max(max, diff);
                beyondFiveLevels += diff > 5 ? 1 : 0;
            }
        }
        double mean = sum / (w * h);
        double beyondFraction = beyondFiveLevels / (double) (w * h);
        System.out.printf("UDBD tiled (128/32) vs whole frame: mean |diff| %.3f, %.3f %% of pixels over 5 levels,"
                + " max %d of 255%n", mean, 100 * beyondFraction, max);
        assertTrue(mean < 1.0, "mean difference " + mean + " levels");
        // 99 % of the pixels within 2 % of full scale; single pixels at particle edges may differ more
        assertTrue(beyondFraction < 0.01, 100 * beyondFraction + " % of pixels differ by more than 5 levels");
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
