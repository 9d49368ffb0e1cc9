package io.aoi.detect;

import io.aoi.cv.MatScope;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Integral images of a search window and its surroundings, so that the local mean and mean of squares over any
 * square up to {@code 2 * padPx + 1} wide costs four lookups per pixel: the same values as OpenCV's
 * {@code boxFilter} and {@code sqrBoxFilter} with {@code BORDER_REFLECT} on the window (the pixels around it
 * come from the frame, reflected at the frame's edge), from one pass over the window instead of two per square.
 */
final class WindowSums {
    private final int widthPx;
    private final int padPx;
    private final int stride;
    private final double[] sums;
    private final double[] squares;

    private WindowSums(int widthPx, int padPx, double[] sums, double[] squares) {
        this.widthPx = widthPx;
        this.padPx = padPx;
        this.stride = widthPx + 2 * padPx + 1;
        this.sums = sums;
        this.squares = squares;
    }

    /** @param view a CV_32F view of the window inside its frame */
    static WindowSums of(MatScope scope, Mat view, int padPx) {
        Mat padded = scope.mat();
        Core.copyMakeBorder(view, padded, padPx, padPx, padPx, padPx, Core.BORDER_REFLECT);
        Mat sum = scope.mat();
        Mat sqsum = scope.mat();
        Imgproc.integral2(padded, sum, sqsum, CvType.CV_64F, CvType.CV_64F);
        double[] sums = new double[(int) sum.total()];
        double[] squares = new double[(int) sqsum.total()];
        sum.get(0, 0, sums);
        sqsum.get(0, 0, squares);
        return new WindowSums(view.cols(), padPx, sums, squares);
    }

    /**
     * Mean and mean of squares over the {@code (2 * half + 1)}-wide square around every window pixel, row-major,
     * into {@code mean} and {@code meanOfSquares}.
     */
    void means(int half, float[] mean, float[] meanOfSquares) {
        if (half > padPx) {
            throw new IllegalArgumentException("square half-width " + half + " px; at most " + padPx);
        }
        double count = (2.0 * half + 1) * (2.0 * half + 1);
        int heightPx = mean.length / widthPx;
        int side = 2 * half + 1;
        for (int y = 0; y < heightPx; y++) {
            int top = (y + padPx - half) * stride + padPx - half;
            int bottom = top + side * stride;
            for (int x = 0, i = y * widthPx; x < widthPx; x++, i++) {
                int a = top + x;
                int b = bottom + x;
                mean[i] = (float) ((sums[b + side] - sums[a + side] - sums[b] + sums[a]) / count);
                meanOfSquares[i] = (float) ((squares[b + side] - squares[a + side] - squares[b] + squares[a])
                        / count);
            }
        }
    }
}
