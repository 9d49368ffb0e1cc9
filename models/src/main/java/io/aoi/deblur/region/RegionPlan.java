package io.aoi.deblur.region;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns found regions into the rectangles a deblurrer is run on: each grown by the context margin and clipped to
 * the frame, then merged while merging is no dearer than restoring apart. A restore call costs about its
 * rectangle grown by {@code callPaddingPx} on every side (a tiled model mirrors that much context around what
 * it is given), so two rectangles are merged when they overlap or when their union, padded, is no larger than
 * the two padded apart. The result never overlaps, so every pixel is restored at most once.
 */
public final class RegionPlan {
    private RegionPlan() {
    }

    /**
     * @param found         regions in frame pixels; parts outside the frame are clipped away
     * @param marginPx      context restored around each region, 0 or more
     * @param callPaddingPx per-call context the deblurrer adds itself, 0 or more
     * @return disjoint rectangles inside the frame, top to bottom, then left to right
     */
    public static List<PixelRect> plan(List<PixelRect> found, int marginPx, int callPaddingPx, int frameWidth,
            int frameHeight) {
        if (marginPx < 0 || callPaddingPx < 0) {
            throw new IllegalArgumentException("marginPx = " + marginPx + ", callPaddingPx = " + callPaddingPx
                    + "; allowed: 0 or more");
        }
        List<PixelRect> rects = new ArrayList<>();
        for (PixelRect r : found) {
            if (r.x() < frameWidth && r.y() < frameHeight) {
                rects.add(r.grownWithin(marginPx, frameWidth, frameHeight));
            }
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < rects.size(); i++) {
                for (int j = i + 1; j < rects.size(); j++) {
                    PixelRect a = rects.get(i);
                    PixelRect b = rects.get(j);
                    PixelRect u = a.union(b);
                    if (a.intersects(b) || padded(u, callPaddingPx) <= padded(a, callPaddingPx)
                            + padded(b, callPaddingPx)) {
                        rects.set(i, u);
                        rects.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        rects.sort((a, b) -> a.y() != b.y() ? Integer.compare(a.y(), b.y()) : Integer.compare(a.x(), b.x()));
        return rects;
    }

    /** Total pixels of the rectangles. */
    public static long areaPx(List<PixelRect> rects) {
        long sum = 0;
        for (PixelRect r : rects) {
            sum += r.areaPx();
        }
        return sum;
    }

    private static long padded(PixelRect r, int pad) {
        return (long) (r.width() + 2 * pad) * (r.height() + 2 * pad);
    }
}
