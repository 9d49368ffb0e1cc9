package io.aoi.detect;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Matched-filter maps of one template radius over a whole plane.
 *
 * <p>{@code response} is the correlation with the template divided by the template norm (the relief
 * amplitude times the norm for a matching particle). {@code spread} is the root of the summed squared
 * deviation from the local mean over the template's square window, so {@code response / spread} is the
 * normalised correlation (shape score, at most 1) and {@code quality = response * shape} rewards a strong
 * and clean match; it peaks at the particle's own radius, and structure that is not a relief (a bump edge,
 * a neighbour) lowers it.
 */
final class ScaleResponses {
    final float[] response;
    final float[] spread;
    final float[] quality;

    private ScaleResponses(float[] response, float[] spread, float[] quality) {
        this.response = response;
        this.spread = spread;
        this.quality = quality;
    }

    /** Computes the maps; every Mat made here belongs to {@code scope}. */
    static ScaleResponses of(MatScope scope, Mat image, Mat squares, ReliefTemplate t) {
        Mat kernel = scope.add(FloatPlanes.toMat(t.weights(), t.side(), t.side()));
        Mat correlation = scope.mat();
        Imgproc.filter2D(image, correlation, CvType.CV_32F, kernel, new Point(-1, -1), 0, Core.BORDER_REFLECT);
        Size window = new Size(t.side(), t.side());
        Mat sums = scope.mat();
        Mat squareSums = scope.mat();
        Imgproc.boxFilter(image, sums, CvType.CV_32F, window, new Point(-1, -1), false, Core.BORDER_REFLECT);
        Imgproc.boxFilter(squares, squareSums, CvType.CV_32F, window, new Point(-1, -1), false,
                Core.BORDER_REFLECT);
        float[] response = FloatPlanes.fromMat(correlation);
        float[] sum = FloatPlanes.fromMat(sums);
        float[] spread = FloatPlanes.fromMat(squareSums);
        float[] quality = new float[response.length];
        float norm = (float) Math.sqrt(t.energy());
        float count = t.side() * t.side();
        for (int i = 0; i < response.length; i++) {
            float z = response[i] / norm;
            float s = (float) Math.sqrt(Math.max(1e-12f, spread[i] - sum[i] * sum[i] / count));
            response[i] = z;
            spread[i] = s;
            quality[i] = z > 0 ? z * z / s : 0;
        }
        return new ScaleResponses(response, spread, quality);
    }

    /** Normalised correlation with the template at pixel i. */
    double shape(int i) {
        return response[i] / spread[i];
    }
}
