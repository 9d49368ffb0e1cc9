package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.image.Image;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegionCropsTest {

    private static Image noise(int w, int h, int channels, long seed) {
        Random rnd = new Random(seed);
        short[] s = new short[w * h * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) rnd.nextInt(256);
        }
        return new Image(w, h, channels, 8, s);
    }

    @Test
    void cropThenPasteRestoresTheFrameAndGrownRegionsAreClipped() {
        Image frame = noise(30, 20, 3, 1);
        PixelRegion r = new PixelRegion(5, 4, 10, 7);
        Image crop = RegionCrops.crop(frame, r);
        assertEquals(frame.sample(5 + 3, 4 + 2, 1), crop.sample(3, 2, 1));
        Image blank = Image.blank(30, 20, 3, 8);
        Image pasted = RegionCrops.paste(blank, List.of(new RestoredRegion(r, crop)));
        assertEquals(frame.sample(14, 10, 2), pasted.sample(14, 10, 2));
        assertEquals(0, pasted.sample(15, 10, 2));
        assertEquals(new PixelRegion(0, 0, 19, 15), new PixelRegion(2, 1, 10, 7).grown(7, 30, 20));
    }

    /** The default region path of a deblurrer equals its full-frame result where the context suffices. */
    @Test
    void defaultRegionsOfWienerMatchTheFullFrameInside() throws DeblurException {
        Image frame = TestFrames.defocusedPanel(120, 90, 1.5, 2);
        try (WienerDeblurrer w = new WienerDeblurrer(1.5, 0.01)) {
            Image full = w.deblur(frame, 1);
            PixelRegion r = new PixelRegion(40, 30, 30, 20);
            RegionRestoration parts = w.deblurRegions(frame, List.of(r), 1);
            Image part = parts.regions().get(0).image();
            int max = 0;
            for (int y = 0; y < r.height(); y++) {
                for (int x = 0; x < r.width(); x++) {
                    max = Math.max(max, Math.abs(part.sample(x, y, 0) - full.sample(r.x() + x, r.y() + y, 0)));
                }
            }
            assertTrue(max <= 3, "region differs from the full frame by up to " + max + " levels");
            assertTrue(parts.defocusSigmaPx().isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.deblurRegions(frame, List.of(new PixelRegion(100, 80, 30, 20)), 1));
            assertTrue(e.getMessage().contains("not inside"), e.getMessage());
        }
    }
}
