package io.aoi.cv;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Copies row-major float planes in and out of single-channel {@code CV_32F} matrices. */
public final class FloatPlanes {
    private FloatPlanes() {
    }

    /** A new {@code CV_32F} Mat holding a copy of {@code plane}; the caller owns (releases) it. */
    public static Mat toMat(float[] plane, int width, int height) {
        if (plane.length != width * height) {
            throw new IllegalArgumentException("plane has " + plane.length + " values; " + width + "x" + height
                    + " needs " + width * height);
        }
        Mat mat = new Mat(height, width, CvType.CV_32FC1);
        mat.put(0, 0, plane);
        return mat;
    }

    /** The values of a single-channel {@code CV_32F} Mat, row-major, a new array. */
    public static float[] fromMat(Mat mat) {
        if (mat.type() != CvType.CV_32FC1) {
            throw new IllegalArgumentException("Mat type " + CvType.typeToString(mat.type())
                    + "; allowed: CV_32FC1");
        }
        Mat source = mat.isContinuous() ? mat : mat.clone();
        try {
            float[] out = new float[(int) source.total()];
            source.get(0, 0, out);
            return out;
        } finally {
            if (source != mat) {
                source.release();
            }
        }
    }
}
