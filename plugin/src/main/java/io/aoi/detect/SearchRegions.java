package io.aoi.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns bump rectangles into the regions the particle search runs on: each bump grown by a margin and clipped
 * to the frame; regions that overlap are merged into their bounding box (with both bumps as cores), so no
 * pixel is searched twice and no particle is reported twice.
 */
final class SearchRegions {
    private SearchRegions() {
    }

    /** The whole w x h frame, every particle reported: for frames without a bump layout to follow. */
    static List<SearchRegion> wholeFrame(int w, int h) {
        return List.of(new SearchRegion(0, 0, w, h, List.of(new BumpRegion("frame", 0, 0, w, h))));
    }

    /**
     * @param bumps    bump rectangles in frame pixels; parts outside the frame are cut off, bumps wholly outside
     *                 are left out
     * @param marginPx context around each bump, in pixels, >= 0
     */
    static List<SearchRegion> around(List<BumpRegion> bumps, int marginPx, int w, int h) {
        List<int[]> boxes = new ArrayList<>();
        List<List<BumpRegion>> cores = new ArrayList<>();
        for (BumpRegion b : bumps) {
            int x0 = Math.max(0, b.x() - marginPx);
            int y0 = Math.max(0, b.y() - marginPx);
            int x1 = Math.min(w, b.x() + b.width() + marginPx);
            int y1 = Math.min(h, b.y() + b.height() + marginPx);
            if (inside(b, w, h)) {
                boxes.add(new int[] {x0, y0, x1, y1});
                cores.add(new ArrayList<>(List.of(b)));
            }
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int i = 0; i < boxes.size() && !merged; i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    int[] a = boxes.get(i);
                    int[] c = boxes.get(j);
                    if (a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3]) {
                        boxes.set(i, new int[] {Math.min(a[0], c[0]), Math.min(a[1], c[1]), Math.max(a[2], c[2]),
                            Math.max(a[3], c[3])});
                        cores.get(i).addAll(cores.remove(j));
                        boxes.remove(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
        List<SearchRegion> out = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            int[] b = boxes.get(i);
            out.add(new SearchRegion(b[0], b[1], b[2] - b[0], b[3] - b[1], cores.get(i)));
        }
        return out;
    }

    private static boolean inside(BumpRegion b, int w, int h) {
        return b.x() < w && b.y() < h && b.x() + b.width() > 0 && b.y() + b.height() > 0;
    }
}
