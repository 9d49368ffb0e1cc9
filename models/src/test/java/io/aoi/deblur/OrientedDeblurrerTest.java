package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrientedDeblurrerTest {

    /**
     * A direction-sensitive stand-in for a model: each sample becomes its left neighbour's (the first column
     * keeps its own), so it moves the frame one pixel along +x of whatever frame it is given. Records the last
     * frame's width and reports a defocus of 2 px.
     */
    private static final class ShiftRight implements Deblurrer {
        int lastWidth;
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public String name() {
            return "shift";
        }

        @Override
        public Image deblur(Image frame, int passes) {
            lastWidth = frame.width();
            short[] in = frame.samples();
            short[] out = in.clone();
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 1; x < frame.width(); x++) {
                    out[y * frame.width() + x] = in[y * frame.width() + x - 1];
                }
            }
            return new Image(frame.width(), frame.height(), 1, frame.bitDepth(), out);
        }

        @Override
        public Restoration restore(Image frame, int passes) {
            return new Restoration(deblur(frame, passes), OptionalDouble.of(2));
        }

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    private static Image ramp(int w, int h) {
        short[] s = new short[w * h];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (i % 251);
        }
        return new Image(w, h, 1, 8, s);
    }

    @Test
    void aStationNearTheModelsDirectionIsRestoredAsItIs() throws DeblurException {
        ShiftRight model = new ShiftRight();
        Image frame = ramp(9, 5);
        try (OrientedDeblurrer d = new OrientedDeblurrer(model, f -> 20, 0)) {
            assertSame(FrameOrientation.IDENTITY, d.orientationFor(frame));
            assertArrayEquals(model.deblur(frame, 1).samples(), d.deblur(frame, 1).samples());
        }
    }

    @Test
    void aTurnedStationIsRestoredInTheModelsDirectionAndTurnedBack() throws DeblurException {
        ShiftRight model = new ShiftRight();
        Image frame = ramp(9, 5);
        // at 180 degrees the frame is turned a half turn: the model's +x shift is a -x shift of the frame
        try (OrientedDeblurrer d = new OrientedDeblurrer(model, f -> 180, 0)) {
            assertEquals(FrameOrientation.ROTATE_180, d.orientationFor(frame));
            Restoration r = d.restore(frame, 1);
            Image expected = FrameOrientation.ROTATE_180.apply(model.deblur(FrameOrientation.ROTATE_180.apply(frame), 1));
            assertArrayEquals(expected.samples(), r.image().samples());
            assertEquals(frame.sample(3, 2, 0), r.image().sample(2, 2, 0), "shifted along -x");
            assertEquals(OptionalDouble.of(2), r.defocusSigmaPx());
        }
    }

    @Test
    void aQuarterTurnSwapsTheSidesTheModelSeesButNotTheResult() throws DeblurException {
        ShiftRight model = new ShiftRight();
        try (OrientedDeblurrer d = new OrientedDeblurrer(model, f -> 100, 0)) {
            Image out = d.deblur(ramp(9, 5), 1);
            assertEquals(5, model.lastWidth);
            assertEquals(9, out.width());
            assertEquals(5, out.height());
        }
    }

    @Test
    void regionsComeBackInTheFramesCoordinates() throws DeblurException {
        Image frame = ramp(12, 7);
        List<PixelRegion> regions = List.of(new PixelRegion(1, 1, 4, 3), new PixelRegion(6, 2, 5, 5));
        for (double station : new double[] {100, 180, -100}) {
            ShiftRight model = new ShiftRight();
            try (OrientedDeblurrer d = new OrientedDeblurrer(model, f -> station, 0)) {
                Image whole = d.deblur(frame, 1);
                RegionRestoration r = d.deblurRegions(frame, regions, 1);
                assertEquals(2, r.regions().size());
                for (int i = 0; i < regions.size(); i++) {
                    PixelRegion region = regions.get(i);
                    RestoredRegion got = r.regions().get(i);
                    assertEquals(region, got.region());
                    // the default deblurRegions restores each region alone: inside it, away from the edge the
                    // shift enters from, the samples are those of the whole frame's restoration
                    for (int y = region.y() + 1; y < region.bottom() - 1; y++) {
                        for (int x = region.x() + 1; x < region.right() - 1; x++) {
                            assertEquals(whole.sample(x, y, 0), got.image().sample(x - region.x(), y - region.y(), 0),
                                    "station " + station + " region " + i + " at " + x + "," + y);
                        }
                    }
                }
            }
        }
    }

    @Test
    void anUnknownDirectionRestoresTheFrameAsItIs() throws DeblurException {
        ShiftRight model = new ShiftRight();
        try (OrientedDeblurrer d = new OrientedDeblurrer(model, f -> Double.NaN, 0)) {
            assertSame(FrameOrientation.IDENTITY, d.orientationFor(ramp(4, 4)));
        }
    }

    @Test
    void closingClosesTheModelAndARegionOutsideTheFrameIsNamed() {
        ShiftRight model = new ShiftRight();
        OrientedDeblurrer d = new OrientedDeblurrer(model, f -> 180, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> d.deblurRegions(ramp(8, 8), List.of(new PixelRegion(6, 6, 4, 4)), 1));
        assertTrue(e.getMessage().contains("8x8"), e.getMessage());
        d.close();
        assertEquals(1, model.closes.get());
        assertThrows(IllegalArgumentException.class, () -> new OrientedDeblurrer(model, f -> 0, Double.NaN));
    }
}
