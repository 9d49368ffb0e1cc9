package io.aoi.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns bump rectangles into the regions the particle search runs on: bumps whose rows overlap (a row of bumps
 * across the panel) share one region, their bounding box clipped to the frame, so the search makes few large
 * OpenCV calls rather than many small ones; the gaps between the bumps of a row are searched but nothing found
 * there is reported.
 */
final class SearchRegions {
    private SearchRegions() {
    }

    /** The whole w x h frame, every particle reported: for frames without bumps to follow. */
    static List<SearchRegion> wholeFrame(int w, int h) {
        return List.of(new SearchRegion(0, 0, w, h, List.of(new BumpRegion("frame", 0, 0, w, h))));
    }

    /**
     * Regions over the bumps that overlap the w x h frame: each a run of bumps whose row ranges overlap, its
     * bumps (unclipped) the cores. Bumps do not overlap, so no particle is reported twice.
     */
    static List<SearchRegion> of(List<BumpRegion> bumps, int w, int h) {
        List<BumpRegion> inside = new ArrayList<>();
        for (BumpRegion b : bumps) {
            if (b.x() < w && b.y() < h && b.x() + b.width() > 0 && b.y() + b.height() > 0) {
                inside.add(b);
            }
        }
        inside.sort(Comparator.comparingInt(BumpRegion::y));
        List<SearchRegion> out = new ArrayList<>();
        int i = 0;
        while (i < inside.size()) {
            List<BumpRegion> row = new ArrayList<>();
            int y0 = inside.get(i).y();
            int y1 = y0 + inside.get(i).height();
            while (i < inside.size() && inside.get(i).y() < y1) {
                BumpRegion b = inside.get(i++);
                row.add(b);
                y1 = Math.max(y1, b.y() + b.height());
            }
            int x0 = Integer.MAX_VALUE;
            int x1 = Integer.MIN_VALUE;
            for (BumpRegion b : row) {
                x0 = Math.min(x0, b.x());
                x1 = Math.max(x1, b.x() + b.width());
            }
            x0 = Math.max(0, x0);
            x1 = Math.min(w, x1);
            int top = Math.max(0, y0);
            int bottom = Math.min(h, y1);
            out.add(new SearchRegion(x0, top, x1 - x0, bottom - top, row));
        }
        return out;
    }
}
