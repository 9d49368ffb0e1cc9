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
 * continue in the neighbouring frame: they are not returned, because the station's frame overlap exceeds
 * the bump height and each bump is judged whole in another frame. Ids are {@code B<n>} in reading order.
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

    /** Whole bumps in a w x h plane of values in [0, 1], sorted top to bottom, then left to right. */
    List<BumpRegion> find(float[] plane, int w, int h) {
        return find(plane, w, h, false);
    }

    /**
     * As {@link #find(float[], int, int)}; with {@code withPartial} the bumps cut by the top or bottom row are
     * returned too (their particles are in the frame even though the bump is judged in a neighbouring one).
     */
    List<BumpRegion> find(float[] plane, int w, int h, boolean withPartial) {
        OpenCv.load();
        List<int[]> boxes = new ArrayList<>();
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
                return List.of();
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
                if ((withPartial || !partial) && bw >= minWidthPx && bh >= minHeightPx && area >= MIN_FILL * bw * bh) {
                    boxes.add(new int[] {bx, by, bw, bh});
                }
            }
        }
        boxes.sort(Comparator.<int[]>comparingInt(b -> b[1]).thenComparingInt(b -> b[0]));
        List<BumpRegion> out = new ArrayList<>();
        for (int[] b : boxes) {
            out.add(new BumpRegion("B" + (out.size() + 1), b[0], b[1], b[2], b[3]));
        }
        return out;
    }
}
