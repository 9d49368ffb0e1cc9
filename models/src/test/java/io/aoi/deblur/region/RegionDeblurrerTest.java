package io.aoi.deblur.region;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PixelRegion;
import io.aoi.deblur.Restoration;
import io.aoi.deblur.TestFrames;
import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.image.Image;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionDeblurrerTest {

    /** Inverts every sample and reports a defocus equal to the width of what it was given. */
    private static final class Inverter implements Deblurrer {
        int closes;

        @Override
        public String name() {
            return "invert";
        }

        @Override
        public Image deblur(Image frame, int passes) {
            short[] s = frame.samples().clone();
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) (frame.maxValue() - (s[i] & 0xFFFF));
            }
            return new Image(frame.width(), frame.height(), frame.channels(), frame.bitDepth(), s);
        }

        @Override
        public Restoration restore(Image frame, int passes) {
            return new Restoration(deblur(frame, passes), OptionalDouble.of(frame.width()));
        }

        @Override
        public void close() {
            closes++;
        }
    }

    private static Image noise(int w, int h, long seed) {
        Random rng = new Random(seed);
        short[] s = new short[w * h];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) rng.nextInt(256);
        }
        return new Image(w, h, 1, 8, s);
    }

    @Test
    void restoresTheRegionsWithTheirMarginAndLeavesTheRestAsCaptured() throws Exception {
        Image frame = noise(64, 48, 1);
        Inverter inverter = new Inverter();
        RegionDeblurrer regions = new RegionDeblurrer(inverter, f -> List.of(new PixelRegion(10, 10, 6, 4),
                new PixelRegion(40, 30, 10, 10)), 2);

        Restoration restoration = regions.restore(frame, 1);
        Image out = restoration.image();

        List<PixelRegion> restored = List.of(new PixelRegion(8, 8, 10, 8), new PixelRegion(38, 28, 14, 14));
        assertEquals(restored, regions.lastRegions());
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                int px = x;
                int py = y;
                boolean inside = restored.stream().anyMatch(r -> px >= r.x() && px < r.right() && py >= r.y()
                        && py < r.bottom());
                int expected = inside ? 255 - frame.sample(x, y, 0) : frame.sample(x, y, 0);
                assertEquals(expected, out.sample(x, y, 0), "pixel " + x + "," + y);
            }
        }
        // area-weighted mean of the widths each call reported: (10 * 80 + 14 * 196) / 276
        assertEquals((10.0 * 80 + 14.0 * 196) / 276, restoration.defocusSigmaPx().getAsDouble(), 1e-9);
    }

    @Test
    void aRegionCoveringTheFrameEqualsRestoringTheFrame() throws Exception {
        Image frame = TestFrames.defocusedPanel(96, 64, 2.0, 2);
        try (WienerDeblurrer whole = new WienerDeblurrer(2.0, 0.01);
                RegionDeblurrer regions = new RegionDeblurrer(new WienerDeblurrer(2.0, 0.01),
                        f -> List.of(new PixelRegion(0, 0, f.width(), f.height())), 16)) {
            assertArrayEquals(whole.deblur(frame, 1).samples(), regions.deblur(frame, 1).samples());
        }
    }

    @Test
    void regionsCoveringHalfTheFrameOrMoreRestoreTheWholeFrame() throws Exception {
        Image frame = noise(64, 48, 5);
        Inverter inverter = new Inverter();
        // two bands of 64 x 12 grown by 2 px: 64 x 16 each, 2048 of 3072 pixels (67 %)
        RegionDeblurrer regions = new RegionDeblurrer(inverter, f -> List.of(new PixelRegion(0, 2, 64, 12),
                new PixelRegion(0, 30, 64, 12)), 2);

        Restoration restoration = regions.restore(frame, 1);

        assertArrayEquals(inverter.deblur(frame, 1).samples(), restoration.image().samples());
        assertEquals(List.of(new PixelRegion(0, 0, 64, 48)), regions.lastRegions());
        assertEquals(64.0, restoration.defocusSigmaPx().getAsDouble(), "the estimate of the whole frame's call");
    }

    @Test
    void aFrameWithoutRegionsOrWithZeroPassesComesBackUnchanged() throws Exception {
        Image frame = noise(32, 32, 3);
        RegionDeblurrer none = new RegionDeblurrer(new Inverter(), f -> List.of(), 8);
        RegionDeblurrer zero = new RegionDeblurrer(new Inverter(), f -> List.of(new PixelRegion(0, 0, 8, 8)), 8);

        Restoration nothing = none.restore(frame, 1);
        assertSame(frame, nothing.image());
        assertTrue(nothing.defocusSigmaPx().isEmpty());
        assertSame(frame, zero.deblur(frame, 0));
        assertEquals(List.of(), zero.lastRegions());
    }

    @Test
    void closesTheWrappedDeblurrerOnceAndRefusesFramesAfterwards() {
        Inverter inverter = new Inverter();
        RegionDeblurrer regions = new RegionDeblurrer(inverter, f -> List.of(), 0);

        regions.close();
        regions.close();

        assertEquals(1, inverter.closes);
        assertThrows(IllegalStateException.class, () -> regions.deblur(noise(8, 8, 4), 1));
    }
}
