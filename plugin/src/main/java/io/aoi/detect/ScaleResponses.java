package io.aoi.detect;

import io.aoi.cv.MatScope;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Matched-filter maps of one template radius over a search region, computed with OpenCV (no per-pixel Java).
 *
 * <p>{@code response} is the correlation with the template divided by the template norm (the relief
 * amplitude times the norm for a matching particle). The spread is the root of the summed squared deviation
 * from the local mean over the template's square window, so {@code response / spread} is the normalised
 * correlation (shape score, at most 1) and {@code quality = response * shape} (0 where the response is not
 * positive) rewards a strong and clean match; it peaks at the particle's own radius, and structure that is not
 * a relief (a bump edge, a neighbour) lowers it. Where the response is positive, shape = quality / response.
 *
 * @param response the response map, {@code CV_32F}, owned by the scope it was made in
 * @param quality  the quality map, {@code CV_32F}, owned by the same scope
 */
record ScaleResponses(Mat response, Mat quality) {
    /** Floor of the squared spread, so flat regions do not divide by zero. */
    private static final double LEAST_SQUARED_SPREAD = 1e-12;

    /**
     * Computes the maps of {@code image} (CV_32F) for template {@code t}; every Mat made here belongs to
     * {@code scope}. {@code mean} and {@code meanOfSquares} are scratch Mats the caller may reuse between
     * calls.
     */
    static ScaleResponses of(MatScope scope, Mat image, ReliefTemplate t, Mat mean, Mat meanOfSquares) {
        Mat kernel = scope.add(t.kernel());
        Mat response = scope.mat();
        Imgproc.filter2D(image, response, CvType.CV_32F, kernel, new Point(-1, -1), 0, Core.BORDER_REFLECT);
        Size window = new Size(t.side(), t.side());
        Imgproc.boxFilter(image, mean, CvType.CV_32F, window, new Point(-1, -1), true, Core.BORDER_REFLECT);
        Imgproc.sqrBoxFilter(image, meanOfSquares, CvType.CV_32F, window, new Point(-1, -1), true,
                Core.BORDER_REFLECT);
        double count = (double) t.side() * t.side();
        // squared spread = count * (E[x^2] - E[x]^2), floored; spread = its root
        Core.multiply(mean, mean, mean);
        Core.subtract(meanOfSquares, mean, meanOfSquares);
        Core.max(meanOfSquares, new Scalar(LEAST_SQUARED_SPREAD / count), meanOfSquares);
        Core.multiply(meanOfSquares, new Scalar(count), meanOfSquares);
        Core.sqrt(meanOfSquares, meanOfSquares);
        Mat quality = scope.mat();
        Core.max(response, new Scalar(0), quality);
        Core.multiply(quality, quality, quality);
        Core.divide(quality, meanOfSquares, quality);
        return new ScaleResponses(response, quality);
    }
}
