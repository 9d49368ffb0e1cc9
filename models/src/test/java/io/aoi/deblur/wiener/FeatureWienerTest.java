package io.aoi.deblur.wiener;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.BlurKernel;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The OpenCV feature Wiener step against a direct double-precision evaluation of the formula it implements
 * (the NumPy reference in models/python/aoi_models/udbd/split.py): replicate pad 16, naive 2-D DFT,
 * conj(K)/(|K|^2 + C), inverse DFT, crop.
 */
class FeatureWienerTest {

    @Test
    void matchesTheFormulaWithANaiveDftOnOddSizesAndSeveralRegularisers() {
        Random rnd = new Random(11);
        int[][] sizes = {{9, 7}, {12, 10}, {5, 14}};
        for (int[] s : sizes) {
            int w = s[0];
            int h = s[1];
            float[] taps = new float[21 * 21];
            for (int i = 0; i < taps.length; i++) {
                taps[i] = rnd.nextFloat();
            }
            BlurKernel kernel = new BlurKernel(21, taps);
            float[] features = new float[2 * w * h];
            for (int i = 0; i < features.length; i++) {
                features[i] = (float) rnd.nextGaussian();
            }
            float[] regularisers = {0.01f, 0.3f};
            float[] out = new float[features.length];
            try (FeatureWiener wiener = new FeatureWiener(w, h)) {
                wiener.setKernel(kernel);
                for (int c = 0; c < 2; c++) {
                    wiener.deconvolve(FloatBuffer.wrap(features), c * w * h, regularisers[c], FloatBuffer.wrap(out),
                            c * w * h);
                }
            }
            for (int c = 0; c < 2; c++) {
                double[] ref = reference(features, c * w * h, w, h, kernel, regularisers[c]);
                double err = 0;
                for (int i = 0; i < w * h; i++) {
                    err = Math.max(err, Math.abs(ref[i] - out[c * w * h + i]));
                }
                assertTrue(err < 1e-4, w + "x" + h + " channel " + c + ": max error " + err);
            }
        }
    }

    @Test
    void refusesUseWithoutKernelAndAfterClose() {
        FeatureWiener wiener = new FeatureWiener(8, 8);
        FloatBuffer buf = FloatBuffer.allocate(64);
        assertThrows(IllegalStateException.class, () -> wiener.deconvolve(buf, 0, 0.1f, buf, 0));
        wiener.close();
        wiener.close();
        assertThrows(IllegalStateException.class, () -> wiener.setKernel(new BlurKernel(1, new float[] {1f})));
    }

    private static double[] reference(float[] f, int offset, int w, int h, BlurKernel k, double c) {
        int pad = FeatureWiener.PAD_PX;
        int pw = w + 2 * pad;
        int ph = h + 2 * pad;
        double[] x = new double[pw * ph];
        for (int y = 0; y < ph; y++) {
            int sy = Math.min(h - 1, Math.max(0, y - pad));
            for (int xx = 0; xx < pw; xx++) {
                int sx = Math.min(w - 1, Math.max(0, xx - pad));
                x[y * pw + xx] = f[offset + sy * w + sx];
            }
        }
        double[] kw = new double[pw * ph];
        for (int y = 0; y < 21; y++) {
            for (int xx = 0; xx < 21; xx++) {
                kw[Math.floorMod(y - 10, ph) * pw + Math.floorMod(xx - 10, pw)] += k.tap(xx, y);
            }
        }
        double[][] sx = dft(x, null, pw, ph, -1);
        double[][] sk = dft(kw, null, pw, ph, -1);
        double[] zr = new double[pw * ph];
        double[] zi = new double[pw * ph];
        for (int i = 0; i < zr.length; i++) {
            double kr = sk[0][i];
            double ki = sk[1][i];
            double den = kr * kr + ki * ki + c;
            double gr = kr / den;
            double gi = -ki / den;
            zr[i] = sx[0][i] * gr - sx[1][i] * gi;
            zi[i] = sx[0][i] * gi + sx[1][i] * gr;
        }
        double[][] back = dft(zr, zi, pw, ph, 1);
        double[] out = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int xx = 0; xx < w; xx++) {
                out[y * w + xx] = back[0][(y + pad) * pw + xx + pad] / (pw * ph);
            }
        }
        return out;
    }

    /** Naive separable 2-D DFT with exponent sign {@code sign}; returns {real, imag}. */
    private static double[][] dft(double[] re, double[] im, int w, int h, int sign) {
        double[] ar = new double[w * h];
        double[] ai = new double[w * h];
        for (int y = 0; y < h; y++) {
            for (int u = 0; u < w; u++) {
                double sr = 0;
                double si = 0;
                for (int x = 0; x < w; x++) {
                    double a = sign * 2 * Math.PI * ((long) u * x % w) / w;
                    double vr = re[y * w + x];
                    double vi = im == null ? 0 : im[y * w + x];
                    sr += vr * Math.cos(a) - vi * Math.sin(a);
                    si += vr * Math.sin(a) + vi * Math.cos(a);
                }
                ar[y * w + u] = sr;
                ai[y * w + u] = si;
            }
        }
        double[] br = new double[w * h];
        double[] bi = new double[w * h];
        for (int u = 0; u < w; u++) {
            for (int v = 0; v < h; v++) {
                double sr = 0;
                double si = 0;
                for (int y = 0; y < h; y++) {
                    double a = sign * 2 * Math.PI * ((long) v * y % h) / h;
                    sr += ar[y * w + u] * Math.cos(a) - ai[y * w + u] * Math.sin(a);
                    si += ar[y * w + u] * Math.sin(a) + ai[y * w + u] * Math.cos(a);
                }
                br[v * w + u] = sr;
                bi[v * w + u] = si;
            }
        }
        return new double[][] {br, bi};
    }
}
