package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrameOrientationTest {

    private static Image random(int w, int h, int channels, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        short[] s = new short[w * h * channels];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) rng.nextInt(65536);
        }
        return new Image(w, h, channels, 16, s);
    }

    /** A black frame with value 1 at p0 and 2 at p1. */
    private static Image marked(int w, int h, int x0, int y0, int x1, int y1) {
        short[] s = new short[w * h];
        s[y0 * w + x0] = 1;
        s[y1 * w + x1] = 2;
        return new Image(w, h, 1, 8, s);
    }

    private static int[] find(Image image, int value) {
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                if (image.sample(x, y, 0) == value) {
                    return new int[] {x, y};
                }
            }
        }
        throw new AssertionError("value " + value + " not found");
    }

    @ParameterizedTest
    @EnumSource(FrameOrientation.class)
    void turningBackGivesTheSameSamples(FrameOrientation o) {
        Image frame = random(7, 4, 3, o.ordinal());
        Image turned = o.apply(frame);
        assertEquals(o.swapsSides() ? 4 : 7, turned.width());
        assertEquals(o.swapsSides() ? 7 : 4, turned.height());
        Image back = o.inverse().apply(turned);
        assertEquals(7, back.width());
        assertArrayEquals(frame.samples(), back.samples());
    }

    @ParameterizedTest
    @EnumSource(FrameOrientation.class)
    void aDirectionTurnsAsItsPixelStepDoes(FrameOrientation o) {
        // a step of two pixels along +x, +y, -x and -y: (cos a, -sin a) for a = 0, -90, 180, 90
        int[][] steps = {{2, 0}, {0, 2}, {-2, 0}, {0, -2}};
        double[] angles = {0, -90, 180, 90};
        for (int i = 0; i < steps.length; i++) {
            Image turned = o.apply(marked(9, 7, 4, 3, 4 + steps[i][0], 3 + steps[i][1]));
            int[] p0 = find(turned, 1);
            int[] p1 = find(turned, 2);
            double measured = Math.toDegrees(Math.atan2(-(p1[1] - p0[1]), p1[0] - p0[0]));
            assertEquals(0, gap(measured, o.turnDeg(angles[i])), 1e-9, o + " turning " + angles[i]);
        }
    }

    @ParameterizedTest
    @EnumSource(FrameOrientation.class)
    void aRegionTurnsWithItsFrame(FrameOrientation o) {
        int w = 11;
        int h = 6;
        PixelRegion region = new PixelRegion(2, 1, 4, 3);
        short[] s = new short[w * h];
        for (int y = region.y(); y < region.bottom(); y++) {
            for (int x = region.x(); x < region.right(); x++) {
                s[y * w + x] = 1;
            }
        }
        Image turned = o.apply(new Image(w, h, 1, 8, s));
        PixelRegion mapped = o.apply(region, w, h);
        int inside = 0;
        for (int y = 0; y < turned.height(); y++) {
            for (int x = 0; x < turned.width(); x++) {
                boolean in = x >= mapped.x() && x < mapped.right() && y >= mapped.y() && y < mapped.bottom();
                assertEquals(in ? 1 : 0, turned.sample(x, y, 0), o + " at " + x + "," + y);
                inside += in ? 1 : 0;
            }
        }
        assertEquals(12, inside);
    }

    @Test
    void everyDirectionIsTurnedNearTheTargetAndSidesSwapOnlyForMoreThanTheMargin() {
        for (double a = -180; a <= 180; a += 2.5) {
            for (double target : new double[] {0, 30, -90}) {
                FrameOrientation o = FrameOrientation.toward(a, target);
                double turned = Math.abs(gap(o.turnDeg(a), target));
                assertTrue(turned <= (target == 30 ? 55 : 50) + 1e-9, a + " toward " + target + ": " + o);
                double kept = 180;
                double swapped = 180;
                for (FrameOrientation other : FrameOrientation.values()) {
                    double g = Math.abs(gap(other.turnDeg(a), target));
                    if (other.swapsSides()) {
                        swapped = Math.min(swapped, g);
                    } else {
                        kept = Math.min(kept, g);
                    }
                }
                assertEquals(o.swapsSides() ? swapped : kept, turned, 1e-9, a + " toward " + target + ": " + o);
                assertEquals(swapped < kept - FrameOrientation.SIDE_SWAP_MARGIN_DEG, o.swapsSides(),
                        a + " toward " + target + ": " + o);
                if (target != 30) { // an axis target: of each mirror pair, the counter-clockwise turn
                    assertTrue(gap(o.turnDeg(a), target) >= -1e-9, a + " toward " + target + ": " + o);
                }
            }
        }
    }

    @Test
    void aDirectionNearTheDiagonalKeepsTheSidesUntil50Degrees() {
        assertSame(FrameOrientation.IDENTITY, FrameOrientation.toward(48, 0));
        assertSame(FrameOrientation.IDENTITY, FrameOrientation.toward(50, 0));
        assertSame(FrameOrientation.ANTI_TRANSPOSE, FrameOrientation.toward(52, 0), "swapped to +38, not -38");
        assertEquals(38, FrameOrientation.ANTI_TRANSPOSE.turnDeg(52), 1e-9);
        assertSame(FrameOrientation.MIRROR_X, FrameOrientation.toward(132, 0), "180 - 132 is +48: sides kept");
        assertSame(FrameOrientation.MIRROR_Y, FrameOrientation.toward(-48, 0));
    }

    @Test
    void aDirectionAlreadyNearTheTargetKeepsTheFrame() {
        assertSame(FrameOrientation.IDENTITY, FrameOrientation.toward(37, 0));
        assertSame(FrameOrientation.MIRROR_Y, FrameOrientation.toward(-45, 0), "mirrored onto the +45 side");
        assertSame(FrameOrientation.IDENTITY, FrameOrientation.toward(0, 0));
        Image frame = random(3, 2, 1, 1);
        assertSame(frame, FrameOrientation.IDENTITY.apply(frame));
    }

    @Test
    void aStationAt120DegreesIsTurnedBy90Degrees() {
        FrameOrientation o = FrameOrientation.toward(120, 0);
        assertEquals(30, Math.abs(o.turnDeg(120)), 1e-9);
        assertSame(FrameOrientation.ROTATE_270, o, "the one of the two that turn it to +30, not -30 degrees");
    }

    private static double gap(double a, double b) {
        double d = (a - b) % 360;
        return d > 180 ? d - 360 : d <= -180 ? d + 360 : d;
    }
}
