package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds bumps as bright rectangles: Gaussian smoothing (hides particles and texture), Otsu threshold, an
 * opening that removes small bright specks, then connected components whose bounding box is at least
 * minWidth x minHeight and which fill at least {@link #MIN_FILL} of it.
 *
 * <p>A frame whose two Otsu classes differ by less than {@link #MIN_STEP} of full scale has no bumps (the
 * threshold would only split texture). Components touching the top or bottom row are partial bumps that
 * continue in the neighbouring frame: they are not judged, because the station's frame overlap exceeds
 * the bump height and each bump is judged whole in another frame, but they are returned apart (at least
 * minWidth wide, any height) so their particles are searched too. Ids are {@code B<n>} in reading order,
 * {@code P<n>} for partial bumps.
 *
 * <p>Stateless; safe to use from several threads. Native memory lives in a {@link MatScope} per call.
 */
final class BumpFinder {
    /** Least brightness step between bumps and background, as a fraction of full scale. */
    static final double MIN_STEP = 0.08;
    /** Least fraction of its bounding box a bump component covers. */
    static final double MIN_FILL = 0.8;
    private static final double SMOOTHING_SIGMA_PX = 2.0;
    private static final int OPENING_PX = 5;

    private final int minWidthPx;
    private final int minHeightPx;

    BumpFinder(int minWidthPx, int minHeightPx) {
        this.minWidthPx = minWidthPx;
        this.minHeightPx = minHeightPx;
    }

    /**
     * What the finder saw in a frame.
     *
     * @param whole    whole bumps, sorted top to bottom, then left to right
     * @param partial  bumps cut by the top or bottom frame edge, in the same order
     * @param stepFound whether the frame shows bumps against resin at all (the Otsu classes differ by at least
     *                  {@link #MIN_STEP}); without it the frame may be all bump or all resin
     */
    record Found(List<BumpRegion> whole, List<BumpRegion> partial, boolean stepFound) {
        Found {
            whole = List.copyOf(whole);
            partial = List.copyOf(partial);
        }

        /** Whole and partial bumps together, sorted top to bottom, then left to right. */
        List<BumpRegion> all() {
            List<BumpRegion> all = new ArrayList<>(whole);
            all.addAll(partial);
            all.sort(Comparator.comparingInt(BumpRegion::y).thenComparingInt(BumpRegion::x));
            return all;
        }
    }

    /** Bumps in a w x h plane of values in [0, 1]. */
    Found find(float[] plane, int w, int h) {
        OpenCv.load();
        List<int[]> boxes = new ArrayList<>();
        List<int[]> cut = new ArrayList<>();
        try (MatScope scope = new MatScope()) {
            Mat image = scope.add(FloatPlanes.toMat(plane, w, h));
            Mat smooth = scope.mat();
            Imgproc.GaussianBlur(image, smooth, new Size(0, 0), SMOOTHING_SIGMA_PX);
            Mat bytes = scope.mat();
            smooth.convertTo(bytes, CvType.CV_8U, 255.0);
            Mat mask = scope.mat();
            double threshold = Imgproc.threshold(bytes, mask, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            Mat below = scope.mat();
            Core.bitwise_not(mask, below);
            double step = (Core.mean(bytes, mask).val[0] - Core.mean(bytes, below).val[0]) / 255.0;
            if (Core.countNonZero(mask) == 0 || Core.countNonZero(below) == 0 || step < MIN_STEP
                    || Double.isNaN(threshold)) {
                return new Found(List.of(), List.of(), false);
            }
            Mat kernel = scope.add(Imgproc.getStructuringElement(Imgproc.MORPH_RECT,
                    new Size(OPENING_PX, OPENING_PX)));
            Mat opened = scope.mat();
            Imgproc.morphologyEx(mask, opened, Imgproc.MORPH_OPEN, kernel);
            Mat labels = scope.mat();
            Mat stats = scope.mat();
            Mat centroids = scope.mat();
            int count = Imgproc.connectedComponentsWithStats(opened, labels, stats, centroids, 8, CvType.CV_32S);
            int[] row = new int[5];
            for (int label = 1; label < count; label++) {
                stats.get(label, 0, row);
                int bx = row[Imgproc.CC_STAT_LEFT];
                int by = row[Imgproc.CC_STAT_TOP];
                int bw = row[Imgproc.CC_STAT_WIDTH];
                int bh = row[Imgproc.CC_STAT_HEIGHT];
                int area = row[Imgproc.CC_STAT_AREA];
                boolean partial = by == 0 || by + bh >= h;
                if (area < MIN_FILL * bw * bh || bw < minWidthPx) {
                    continue;
                }
                if (partial) {
                    cut.add(new int[] {bx, by, bw, bh});
                } else if (bh >= minHeightPx) {
                    boxes.add(new int[] {bx, by, bw, bh});
                }
            }
        }
        return new Found(regions("B", boxes), regions("P", cut), true);
    }

    private static List<BumpRegion> regions(String prefix, List<int[]> boxes) {
        boxes.sort(Comparator.<int[]>comparingInt(b -> b[1]).thenComparingInt(b -> b[0]));
        List<BumpRegion> out = new ArrayList<>();
        for (int[] b : boxes) {
            out.add(new BumpRegion(prefix + (out.size() + 1), b[0], b[1], b[2], b[3]));
        }
        return out;
    }
}
