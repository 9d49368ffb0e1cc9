package io.aoi.detect;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The noise of the fitted relief amplitude in one frame, per template radius, measured on the very response maps
 * the amplitude is fitted from, so the noise's colour (white sensor noise on a sharp frame, the amplified and
 * correlated noise of a restored one) needs no model.
 *
 * <p>The amplitude is the response divided by the template norm ({@link ScaleResponses}), so its noise is the robust
 * standard deviation ({@link RobustSpread}) of the response over the searched bumps, divided by the norm. The
 * response is sampled every {@link #STRIDE_PX} pixels (neighbouring responses are strongly correlated) on the bumps
 * (cores of the {@link SearchRegion}s), at least the inset given (the detector gives the largest template's half
 * side) inside their edges: a bump edge is a step the odd template answers strongly. Texture of the bump at the
 * particles' scale counts as noise, as it should: the threshold has to rise above it too. Particles are outliers for
 * the robust spread (the lower quartile of the deviations); on bumps densely covered with them the estimate still
 * comes out somewhat high, which the factor applied to it absorbs. The estimate is pooled over all bumps of a
 * frame, so one bump with few particles barely moves it. The thresholds use it capped by the estimates of
 * smaller radii ({@link #cappedBySmallerRadii}).
 */
final class AmplitudeNoise {
    /** Sampling step of the response in both directions, pixels. */
    static final int STRIDE_PX = 3;

    private final int insetPx;

    /** @param insetPx distance from the bump edges below which nothing is sampled */
    AmplitudeNoise(int insetPx) {
        this.insetPx = insetPx;
    }

    /**
     * The responses of one search window at the sampled bump pixels, per template index ({@code null} for the
     * guard radii, the first and the last index, and where {@code response[k]} is {@code null}); frame pixels
     * whose x and y are multiples of {@link #STRIDE_PX}, so overlapping windows sample the same pixels.
     *
     * @param response per template index, the response map over the window, row-major
     * @param window   {x, y, width, height} of the window in the frame
     * @param cores    the bumps of the window's region, frame pixels
     */
    float[][] sample(float[][] response, int[] window, List<BumpRegion> cores) {
        int ox = window[0];
        int oy = window[1];
        int w = window[2];
        int h = window[3];
        int[] indices = new int[16];
        int n = 0;
        for (BumpRegion core : cores) {
            int x0 = Math.max(ox, core.x() + insetPx);
            int y0 = Math.max(oy, core.y() + insetPx);
            int x1 = Math.min(ox + w, core.x() + core.width() - insetPx);
            int y1 = Math.min(oy + h, core.y() + core.height() - insetPx);
            for (int y = firstMultiple(y0); y < y1; y += STRIDE_PX) {
                for (int x = firstMultiple(x0); x < x1; x += STRIDE_PX) {
                    if (n == indices.length) {
                        indices = Arrays.copyOf(indices, 2 * n);
                    }
                    indices[n++] = (y - oy) * w + (x - ox);
                }
            }
        }
        float[][] out = new float[response.length][];
        for (int k = 1; k < response.length - 1; k++) {
            if (response[k] != null) {
                out[k] = new float[n];
                for (int s = 0; s < n; s++) {
                    out[k][s] = response[k][indices[s]];
                }
            }
        }
        return out;
    }

    /**
     * The amplitude noise per template index from the samples of every window: robust standard deviation of the
     * pooled responses over the template norm, as a fraction of full scale; 0 where nothing was sampled, NaN for the
     * guard radii (the first and the last index), which set no threshold.
     */
    static double[] of(List<float[][]> samples, List<ReliefTemplate> templates) {
        double[] sigma = new double[templates.size()];
        Arrays.fill(sigma, Double.NaN);
        // the radii are independent: measured in parallel
        IntStream.range(1, sigma.length - 1).parallel().forEach(k -> sigma[k] = of(samples, templates.get(k), k));
        return sigma;
    }

    /** The amplitude noise of template {@code t}, index {@code k}, from the samples of every window. */
    private static double of(List<float[][]> samples, ReliefTemplate t, int k) {
        int n = 0;
        for (float[][] s : samples) {
            n += s[k] == null ? 0 : s[k].length;
        }
        float[] pooled = new float[n];
        int at = 0;
        for (float[][] s : samples) {
            if (s[k] != null) {
                System.arraycopy(s[k], 0, pooled, at, s[k].length);
                at += s[k].length;
            }
        }
        return RobustSpread.sigma(pooled, n) / Math.sqrt(t.energy());
    }

    /**
     * The noise per template index capped by that of every smaller radius (a running minimum from index 1; index 0,
     * the lower guard, is left as it is): what sets the thresholds. Particles and the bump's texture inflate the
     * estimate the more the larger the radius (a larger template spreads each particle's response over a larger
     * area, and the texture is coarser than the particles), while the noise a restoration amplifies is fine: on
     * the simulated panel the estimate of UDBD-Net-restored frames doubles from the smallest radius to the largest,
     * which without the cap would raise their threshold above minContrast and lose weak restored particles, while
     * Wiener-restored frames show about the same estimate at every radius. Noise that really grows with the radius
     * gets a lower threshold there than measured: more particles counted, never fewer than with minContrast.
     */
    static double[] cappedBySmallerRadii(double[] noise) {
        double[] out = noise.clone();
        for (int k = 2; k < out.length; k++) {
            out[k] = Math.min(out[k], out[k - 1]);
        }
        return out;
    }

    private static int firstMultiple(int v) {
        return Math.floorDiv(v + STRIDE_PX - 1, STRIDE_PX) * STRIDE_PX;
    }
}
