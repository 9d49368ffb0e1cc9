package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * Matched-filter maps of one template radius over a search window: the filters in OpenCV, the per-pixel
 * arithmetic in one Java pass.
 *
 * <p>{@code response} is the correlation with the template divided by the template norm (the relief
 * amplitude times the norm for a matching particle). The spread is the root of the summed squared deviation
 * from the local mean over the template's square window, so {@code response / spread} is the normalised
 * correlation (shape score, at most 1) and {@code quality = response * shape} (0 where the response is not
 * positive) rewards a strong and clean match; it peaks at the particle's own radius, and structure that is not
 * a relief (a bump edge, a neighbour) lowers it. Where the response is positive, shape = quality / response.
 *
 * @param response the response map, row-major over the window
 * @param quality  the quality map, row-major over the window
 */
record ScaleResponses(float[] response, float[] quality) {
    /** Floor of the squared spread, so flat regions do not divide by zero. */
    private static final double LEAST_SQUARED_SPREAD = 1e-12;

    /**
     * Computes the maps of {@code image} (a CV_32F view of the window) for template {@code t}, with the local
     * means from {@code sums} of the same window; every Mat made here belongs to {@code scope}. {@code scratch}
     * is a Mat and {@code mean} an array of the window's size that the caller may reuse between calls.
     */
    static ScaleResponses of(MatScope scope, Mat image, ReliefTemplate t, WindowSums sums, Mat scratch,
            float[] mean) {
        Mat kernel = scope.add(t.kernel());
        Imgproc.filter2D(image, scratch, CvType.CV_32F, kernel, new Point(-1, -1), 0, Core.BORDER_REFLECT);
        float[] response = FloatPlanes.fromMat(scratch);
        // the quality map first holds the mean of squares, replaced pixel by pixel below
        float[] quality = new float[response.length];
        sums.means(t.side() / 2, mean, quality);
        float count = (float) t.side() * t.side();
        float leastVariance = (float) (LEAST_SQUARED_SPREAD / count);
        for (int i = 0; i < quality.length; i++) {
            // squared spread = count * (E[x^2] - E[x]^2), floored; quality = max(response, 0)^2 / spread
            float m = mean[i];
            float spread = (float) Math.sqrt(Math.max(quality[i] - m * m, leastVariance) * count);
            float r = Math.max(response[i], 0f);
            quality[i] = r * r / spread;
        }
        return new ScaleResponses(response, quality);
    }
}
