package io.aoi.camera.sim;

/**
 * Blur of the sharp panel: Gaussian defocus (isotropic, sigma in px) and linear motion blur along y (a box
 * of the given length in lines, fractional lengths weighted at the ends). Both vertical parts are combined
 * into one vertical kernel; the caller renders {@link #marginLines()} extra lines above and below so that
 * results do not depend on where a strip starts. Left and right image edges repeat the edge column.
 */
final class Optics {
    private final float[] horizontal;
    private final float[] vertical;

    Optics(double defocusSigmaPx, double motionBlurPx) {
        if (!(defocusSigmaPx >= 0) || !(motionBlurPx >= 0)) {
            throw new IllegalArgumentException("defocusSigmaPx = " + defocusSigmaPx + ", motionBlurPx = "
                    + motionBlurPx + "; both must be >= 0");
        }
        this.horizontal = gaussian(defocusSigmaPx);
        this.vertical = convolve(gaussian(defocusSigmaPx), box(motionBlurPx));
    }

    /** Extra lines needed above and below the output rows. */
    int marginLines() {
        return vertical.length / 2;
    }

    boolean isIdentity() {
        return horizontal.length == 1 && vertical.length == 1;
    }

    /**
     * Blurs {@code in} (rows + 2 * margin rows of width px) and returns the middle {@code rows} rows.
     */
    float[] apply(float[] in, int width, int rows) {
        int margin = marginLines();
        int inRows = rows + 2 * margin;
        float[] h = new float[in.length];
        int hr = horizontal.length / 2;
        for (int y = 0; y < inRows; y++) {
            int base = y * width;
            for (int x = 0; x < width; x++) {
                float sum = 0;
                if (x >= hr && x + hr < width) {
                    int from = base + x - hr;
                    for (int k = 0; k < horizontal.length; k++) {
                        sum += horizontal[k] * in[from + k];
                    }
                } else {
                    for (int k = 0; k < horizontal.length; k++) {
                        int xx = Math.min(width - 1, Math.max(0, x + k - hr));
                        sum += horizontal[k] * in[base + xx];
                    }
                }
                h[base + x] = sum;
            }
        }
        float[] out = new float[width * rows];
        for (int y = 0; y < rows; y++) {
            int base = y * width;
            for (int k = 0; k < vertical.length; k++) {
                float w = vertical[k];
                int src = (y + k) * width;
                for (int x = 0; x < width; x++) {
                    out[base + x] += w * h[src + x];
                }
            }
        }
        return out;
    }

    private static float[] gaussian(double sigma) {
        if (sigma <= 0) {
            return new float[] {1f};
        }
        int radius = (int) Math.ceil(4 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            double v = Math.exp(-0.5 * i * i / (sigma * sigma));
            k[i + radius] = (float) v;
            sum += v;
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        return k;
    }

    /** A centred box of the given length: the overlap of [-L/2, L/2] with each pixel [i - 1/2, i + 1/2]. */
    private static float[] box(double length) {
        if (length <= 1) {
            return new float[] {1f};
        }
        double half = length / 2;
        int radius = (int) Math.ceil(half - 0.5);
        float[] k = new float[2 * radius + 1];
        for (int i = -radius; i <= radius; i++) {
            double lo = Math.max(-half, i - 0.5);
            double hi = Math.min(half, i + 0.5);
            k[i + radius] = (float) (Math.max(0, hi - lo) / length);
        }
        return k;
    }

    private static float[] convolve(float[] a, float[] b) {
        float[] out = new float[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }
}
