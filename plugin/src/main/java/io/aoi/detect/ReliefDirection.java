package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Estimates the DIC shear direction of a frame from the relief orientation of its particles.
 *
 * <p>The relief template is steerable: the template for direction a is {@code cos a * T0 + sin a * T90}, so two
 * correlations (with the 0 and the 90 degree template of one mid radius) give every particle's direction,
 * {@code atan2(R90, R0)}, and its amplitude, {@code hypot(R0, R90)}. Peaks of the amplitude at least
 * {@link #PEAK_CONTRAST_FACTOR} x minContrast, inside bumps and clear of their edges (a bump edge is a relief-like
 * step), vote with their vectors weighted by their amplitude (a particle's side lobes, pointing elsewhere, are
 * weaker than its centre); texture votes in every direction and cancels, particles agree. A peak must be the
 * largest of its eight neighbours, so the responses are taken one pixel beyond each bump's search window: on the
 * window's own edge the slope of a particle centred just outside it passed for a peak, its vector leaning towards
 * that edge (a quarter of the votes on sharp simulated frames, which read directions of 45 to 75 degrees 1.4 to 1.9
 * degrees too near the x axis; now within 0.5, {@code DirectionAccuracy} in the tools). The vote is taken twice,
 * the second time only with peaks within {@link #TRIM_DEG} of the first answer. The agreement R is the
 * weighted mean resultant length of all n votes; the confidence is one minus the Rayleigh-test probability
 * {@code exp(-n R^2)} that directions spread evenly (texture alone) would agree as well.
 *
 * <p>Immutable; safe from several threads. Native memory lives in a {@link MatScope} per call.
 */
final class ReliefDirection {
    /**
     * Peaks need at least this multiple of minContrast as amplitude to vote. At 2 a frame at defocus sigma 4 kept
     * a median of 11 votes and read its direction to 4.2 degrees (rms); at 1.5, 44 votes and 2.7 degrees, and
     * sharp to sigma 3 frames within 0.07 degrees (rms) of what they read at 2 ({@code DirectionAccuracy}: seeds
     * 1024 and 77, 0 to 75 degrees, 8 frames each). Texture that now also votes spreads evenly and cancels.
     */
    static final double PEAK_CONTRAST_FACTOR = 1.5;
    /** Peaks vote only this far beyond the template's reach inside a bump: a blurred bump edge is wide. */
    static final int EDGE_CLEARANCE_PX = 8;
    /** The second vote keeps peaks within this many degrees of the first answer. */
    static final double TRIM_DEG = 60;

    private final ReliefTemplate along;
    private final ReliefTemplate across;
    private final int insetPx;

    /** @param radiusPx template radius, best the middle of the particle radii */
    ReliefDirection(double radiusPx) {
        this.along = new ReliefTemplate(radiusPx, 0);
        this.across = new ReliefTemplate(radiusPx, 90);
        this.insetPx = along.side() / 2 + EDGE_CLEARANCE_PX;
    }

    /** {@link #estimate(Mat, List, double)} on a w x h plane of values in [0, 1]. */
    DirectionEstimate estimate(float[] plane, int w, int h, List<SearchRegion> regions, double minContrast) {
        OpenCv.load();
        try (MatScope scope = new MatScope()) {
            return estimate(scope.add(FloatPlanes.toMat(plane, w, h)), regions, minContrast);
        }
    }

    /**
     * @param image       the frame, {@code CV_32F} values in [0, 1]
     * @param regions     where particles are searched; peaks count inside the cores, at least the template's
     *                    reach from their edges
     * @param minContrast the detector's least relief amplitude
     */
    DirectionEstimate estimate(Mat image, List<SearchRegion> regions, double minContrast) {
        double least = PEAK_CONTRAST_FACTOR * minContrast * Math.sqrt(along.energy());
        Votes votes = new Votes();
        try (MatScope scope = new MatScope()) {
            Mat kernel0 = scope.add(along.kernel());
            Mat kernel90 = scope.add(across.kernel());
            for (SearchRegion r : regions) {
                for (BumpRegion core : r.cores()) {
                    int x0 = Math.max(0, core.x() + insetPx);
                    int y0 = Math.max(0, core.y() + insetPx);
                    int x1 = Math.min(image.cols(), core.x() + core.width() - insetPx);
                    int y1 = Math.min(image.rows(), core.y() + core.height() - insetPx);
                    if (x1 - x0 >= 3 && y1 - y0 >= 3) {
                        // one pixel beyond the window (still inside the core): vote takes no peak on the outer ring
                        vote(scope, image.submat(Math.max(0, y0 - 1), Math.min(image.rows(), y1 + 1),
                                Math.max(0, x0 - 1), Math.min(image.cols(), x1 + 1)), kernel0, kernel90, least, votes);
                    }
                }
            }
        }
        return votes.result();
    }

    /**
     * Adds the votes of the peaks in {@code window}, a search window with a ring of one pixel around it where the
     * frame has one; no peak is taken on that ring.
     */
    private static void vote(MatScope scope, Mat window, Mat kernel0, Mat kernel90, double least, Votes votes) {
        scope.add(window);
        Mat r0 = scope.mat();
        Mat r90 = scope.mat();
        Imgproc.filter2D(window, r0, CvType.CV_32F, kernel0, new Point(-1, -1), 0, Core.BORDER_REFLECT);
        Imgproc.filter2D(window, r90, CvType.CV_32F, kernel90, new Point(-1, -1), 0, Core.BORDER_REFLECT);
        Mat magnitude = scope.mat();
        Core.magnitude(r0, r90, magnitude);
        Mat dilated = scope.mat();
        Imgproc.dilate(magnitude, dilated, new Mat());
        Mat mask = scope.mat();
        Core.compare(magnitude, dilated, mask, Core.CMP_GE);
        Mat strong = scope.mat();
        Core.compare(magnitude, new Scalar(least), strong, Core.CMP_GE);
        Core.bitwise_and(mask, strong, mask);
        Mat points = scope.mat();
        Core.findNonZero(mask, points);
        int n = (int) points.total();
        if (n == 0) {
            return;
        }
        int[] xy = new int[2 * n];
        points.get(0, 0, xy);
        float[] a = FloatPlanes.fromMat(r0);
        float[] b = FloatPlanes.fromMat(r90);
        int w = window.cols();
        int h = window.rows();
        for (int j = 0; j < n; j++) {
            int x = xy[2 * j];
            int y = xy[2 * j + 1];
            // on the outer ring a pixel has neighbours outside the area, unseen: no peak can be told there
            if (x > 0 && y > 0 && x < w - 1 && y < h - 1) {
                votes.add(a[y * w + x], b[y * w + x]);
            }
        }
    }

    /** Relief vectors of the peaks; two-round vote. */
    private static final class Votes {
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private int n;

        void add(double x, double y) {
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, 2 * n);
                ys = Arrays.copyOf(ys, 2 * n);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        DirectionEstimate result() {
            if (n == 0) {
                return DirectionEstimate.NONE;
            }
            double sx = 0;
            double sy = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                double length = Math.hypot(xs[i], ys[i]);
                sx += xs[i] * length;
                sy += ys[i] * length;
                total += length * length;
            }
            double first = Math.atan2(sy, sx);
            double agreement = total == 0 ? 0 : Math.hypot(sx, sy) / total;
            // Rayleigh test: directions spread evenly agree this well with probability about exp(-n R^2)
            double confidence = 1 - Math.exp(-n * agreement * agreement);
            double tx = 0;
            double ty = 0;
            int kept = 0;
            double cosTrim = Math.cos(Math.toRadians(TRIM_DEG));
            for (int i = 0; i < n; i++) {
                double length = Math.hypot(xs[i], ys[i]);
                if (length > 0 && (xs[i] * Math.cos(first) + ys[i] * Math.sin(first)) / length >= cosTrim) {
                    tx += xs[i];
                    ty += ys[i];
                    kept++;
                }
            }
            double angle = kept == 0 ? first : Math.atan2(ty, tx);
            return new DirectionEstimate(Math.toDegrees(angle), confidence, kept);
        }
    }
}
