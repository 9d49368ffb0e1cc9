package io.aoi.deblur.wiener;

import io.aoi.cv.FloatPlanes;
import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Wiener deconvolution of one float plane with a known point-spread function, in the frequency domain
 * (OpenCV DFT), like HALCON's {@code wiener_filter}: {@code F = G * conj(H) / (|H|^2 + nsr)}.
 *
 * <p>Borders: the plane is padded by reflection to a fast DFT size and the padding is tapered to the plane's
 * mean towards the array edge, so the periodic extension the DFT assumes has no jump and the frame edges do
 * not ring. The plane's mean is taken out before filtering and put back after, so the regularisation never
 * dims the frame and a flat plane stays exactly flat. Stateless and thread-safe; all native memory is released before returning.
 */
public final class WienerFilter {
    private WienerFilter() {
    }

    /**
     * Deconvolves {@code plane} with {@code psf}.
     *
     * @param plane  w x h values, row-major (any scale; typically [0, 1]); not modified
     * @param psf    psfW x psfH kernel, row-major, centred on (psfW / 2, psfH / 2); normalised here to sum 1,
     *               so its sum must be positive
     * @param nsr    noise-to-signal power ratio, &gt; 0; larger values restore less and amplify less noise
     * @return a new w x h plane
     */
    public static float[] wiener(float[] plane, int w, int h, float[] psf, int psfW, int psfH, double nsr) {
        validate(plane, w, h, psf, psfW, psfH, nsr);
        OpenCv.load();
        int margin = 2 * Math.max(psfW, psfH) + 8;
        int paddedW = Core.getOptimalDFTSize(w + 2 * margin);
        int paddedH = Core.getOptimalDFTSize(h + 2 * margin);
        try (MatScope scope = new MatScope()) {
            Mat image = scope.add(FloatPlanes.toMat(plane, w, h));
            Mat padded = scope.mat();
            Core.copyMakeBorder(image, padded, margin, paddedH - h - margin, margin, paddedW - w - margin,
                    Core.BORDER_REFLECT_101);
            float[] values = FloatPlanes.fromMat(padded);
            float mean = taperToMean(values, paddedW, paddedH, margin, w, h);
            for (int i = 0; i < values.length; i++) {
                values[i] -= mean;
            }
            padded.put(0, 0, values);

            Mat kernel = scope.add(FloatPlanes.toMat(wrappedKernel(psf, psfW, psfH, paddedW, paddedH),
                    paddedW, paddedH));
            Mat imageSpectrum = scope.mat();
            Mat kernelSpectrum = scope.mat();
            Core.dft(padded, imageSpectrum, Core.DFT_COMPLEX_OUTPUT);
            Core.dft(kernel, kernelSpectrum, Core.DFT_COMPLEX_OUTPUT);

            float[] g = new float[paddedW * paddedH * 2];
            float[] k = new float[g.length];
            imageSpectrum.get(0, 0, g);
            kernelSpectrum.get(0, 0, k);
            for (int i = 0; i < g.length; i += 2) {
                double hr = k[i];
                double hi = k[i + 1];
                double gr = g[i];
                double gi = g[i + 1];
                double denominator = hr * hr + hi * hi + nsr;
                // G * conj(H) / (|H|^2 + nsr)
                g[i] = (float) ((gr * hr + gi * hi) / denominator);
                g[i + 1] = (float) ((gi * hr - gr * hi) / denominator);
            }
            imageSpectrum.put(0, 0, g);
            Mat restored = scope.mat();
            Core.idft(imageSpectrum, restored, Core.DFT_SCALE | Core.DFT_REAL_OUTPUT);
            Mat crop = scope.add(restored.submat(margin, margin + h, margin, margin + w).clone());
            float[] out = FloatPlanes.fromMat(crop);
            for (int i = 0; i < out.length; i++) {
                out[i] += mean;
            }
            return out;
        }
    }

    /** A normalised Gaussian kernel of the given sigma, side 2 * ceil(4 sigma) + 1, row-major. */
    public static float[] gaussianKernel(double sigmaPx) {
        if (!(sigmaPx > 0) || Double.isInfinite(sigmaPx)) {
            throw new IllegalArgumentException("sigmaPx = " + sigmaPx + "; allowed: a finite number > 0");
        }
        int side = gaussianKernelSide(sigmaPx);
        int c = side / 2;
        float[] kernel = new float[side * side];
        double sum = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double r2 = (x - c) * (x - c) + (y - c) * (y - c);
                double v = Math.exp(-r2 / (2 * sigmaPx * sigmaPx));
                kernel[y * side + x] = (float) v;
                sum += v;
            }
        }
        for (int i = 0; i < kernel.length; i++) {
            kernel[i] = (float) (kernel[i] / sum);
        }
        return kernel;
    }

    /** Side length of {@link #gaussianKernel(double)}. */
    public static int gaussianKernelSide(double sigmaPx) {
        return 2 * (int) Math.ceil(4 * sigmaPx) + 1;
    }

    private static void validate(float[] plane, int w, int h, float[] psf, int psfW, int psfH, double nsr) {
        if (w <= 0 || h <= 0 || plane.length != w * h) {
            throw new IllegalArgumentException("plane has " + plane.length + " values for " + w + "x" + h
                    + "; allowed: a positive size with w * h values");
        }
        if (psfW <= 0 || psfH <= 0 || psf.length != psfW * psfH) {
            throw new IllegalArgumentException("psf has " + psf.length + " values for " + psfW + "x" + psfH
                    + "; allowed: a positive size with psfW * psfH values");
        }
        double sum = 0;
        for (float v : psf) {
            sum += v;
        }
        if (!(sum > 0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("psf sums to " + sum + "; allowed: a finite positive sum");
        }
        if (!(nsr > 0) || Double.isInfinite(nsr)) {
            throw new IllegalArgumentException("nsr = " + nsr + "; allowed: a finite number > 0");
        }
    }

    /** The kernel normalised to sum 1 and placed with its centre at (0, 0), wrapping around. */
    private static float[] wrappedKernel(float[] psf, int psfW, int psfH, int paddedW, int paddedH) {
        if (psfW > paddedW || psfH > paddedH) {
            throw new IllegalArgumentException("psf " + psfW + "x" + psfH + " is larger than the padded plane "
                    + paddedW + "x" + paddedH);
        }
        double sum = 0;
        for (float v : psf) {
            sum += v;
        }
        float[] out = new float[paddedW * paddedH];
        int cx = psfW / 2;
        int cy = psfH / 2;
        for (int y = 0; y < psfH; y++) {
            int ty = Math.floorMod(y - cy, paddedH);
            for (int x = 0; x < psfW; x++) {
                int tx = Math.floorMod(x - cx, paddedW);
                out[ty * paddedW + tx] += (float) (psf[y * psfW + x] / sum);
            }
        }
        return out;
    }

    /**
     * Blends the reflected padding towards the mean of the plane with a raised cosine that reaches the mean at
     * the array edge, so opposite edges meet without a step; returns that mean.
     */
    private static float taperToMean(float[] values, int paddedW, int paddedH, int margin, int w, int h) {
        double sum = 0;
        for (int y = margin; y < margin + h; y++) {
            for (int x = margin; x < margin + w; x++) {
                sum += values[y * paddedW + x];
            }
        }
        float mean = (float) (sum / ((double) w * h));
        float[] wx = taperWeights(paddedW, margin, w);
        float[] wy = taperWeights(paddedH, margin, h);
        for (int y = 0; y < paddedH; y++) {
            for (int x = 0; x < paddedW; x++) {
                float weight = wx[x] * wy[y];
                if (weight < 1f) {
                    int i = y * paddedW + x;
                    values[i] = mean + (values[i] - mean) * weight;
                }
            }
        }
        return mean;
    }

    /** 1 over [start, start + length), falling smoothly to 0 at both ends of [0, total). */
    private static float[] taperWeights(int total, int start, int length) {
        float[] weights = new float[total];
        int after = total - start - length;
        for (int i = 0; i < total; i++) {
            double t;
            if (i < start) {
                t = (double) i / start;
            } else if (i >= start + length) {
                t = after <= 0 ? 1 : (double) (total - 1 - i) / after;
            } else {
                t = 1;
            }
            weights[i] = (float) (0.5 - 0.5 * Math.cos(Math.PI * Math.min(1, Math.max(0, t))));
        }
        return weights;
    }
}
