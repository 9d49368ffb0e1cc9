package io.aoi.detect;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a frame can be judged at all, before any particle is looked for. A frame that is too small to hold a
 * particle, blank (black, white or one grey), saturated or of too low contrast gets no decision: judging it would
 * call OK on something the camera did not really see.
 *
 * <p>Thresholds are fractions of full scale, measured on the plane the detector sees (values in [0, 1]):
 * <ul>
 *   <li>each side at least twice the largest particle diameter;</li>
 *   <li>at most {@link #MAX_SATURATED_FRACTION} of the pixels at full scale (at or above
 *       {@link #SATURATION_LEVEL});</li>
 *   <li>the spread between the {@link #SPREAD_LOW_PERCENTILE}th and the {@link #SPREAD_HIGH_PERCENTILE}th
 *       percentile of the pixel values at least {@link #MIN_SPREAD} (an ACF frame shows bright bumps on a darker
 *       film, at least {@link BumpFinder#MIN_STEP} apart).</li>
 * </ul>
 * Stateless.
 */
final class FrameQuality {
    /** A sample at or above this is at full scale (half an 8-bit step below 1). */
    static final double SATURATION_LEVEL = 1 - 0.5 / 255;
    /** Largest fraction of pixels at full scale. */
    static final double MAX_SATURATED_FRACTION = 0.2;
    /** Least spread of the pixel values between the two percentiles, as a fraction of full scale. */
    static final double MIN_SPREAD = 0.03;
    static final double SPREAD_LOW_PERCENTILE = 1;
    static final double SPREAD_HIGH_PERCENTILE = 99;
    private static final int BINS = 4096;

    private FrameQuality() {
    }

    /**
     * @param maxDiameterPx the largest particle diameter the detector reports
     * @return why a frame of w x h pixels is too small to look for particles in, or empty when it is not
     */
    static Optional<String> tooSmall(int w, int h, double maxDiameterPx) {
        int minSide = (int) Math.ceil(2 * maxDiameterPx);
        if (w < minSide || h < minSide) {
            return Optional.of("frame " + w + "x" + h + " is too small to judge: each side needs at least " + minSide
                    + " px (twice the largest particle diameter)");
        }
        return Optional.empty();
    }

    /**
     * @param plane samples in [0, 1]
     * @return why the frame is blank, saturated or of too low contrast to be judged, or empty when it is not
     */
    static Optional<String> problem(float[] plane) {
        int[] histogram = new int[BINS];
        long saturated = 0;
        for (float v : plane) {
            if (v >= SATURATION_LEVEL) {
                saturated++;
            }
            histogram[Math.min(BINS - 1, Math.max(0, (int) (v * (BINS - 1) + 0.5f)))]++;
        }
        double saturatedFraction = saturated / (double) plane.length;
        if (saturatedFraction > MAX_SATURATED_FRACTION) {
            return Optional.of(String.format(Locale.ROOT, "frame is saturated: %.1f %% of its pixels at full scale "
                    + "(at most %.0f %% allowed)", 100 * saturatedFraction, 100 * MAX_SATURATED_FRACTION));
        }
        double spread = percentile(histogram, plane.length, SPREAD_HIGH_PERCENTILE)
                - percentile(histogram, plane.length, SPREAD_LOW_PERCENTILE);
        if (spread < MIN_SPREAD) {
            return Optional.of(String.format(Locale.ROOT, "frame is blank or of too low contrast: its pixel values "
                    + "spread %.3f of full scale between the %.0fst and %.0fth percentile (at least %.2f needed)",
                    spread, SPREAD_LOW_PERCENTILE, SPREAD_HIGH_PERCENTILE, MIN_SPREAD));
        }
        return Optional.empty();
    }

    /** The value below which {@code percent} % of the samples lie, to one histogram bin. */
    private static double percentile(int[] histogram, int count, double percent) {
        long target = (long) Math.ceil(count * percent / 100.0);
        long seen = 0;
        for (int bin = 0; bin < histogram.length; bin++) {
            seen += histogram[bin];
            if (seen >= Math.max(1, target)) {
                return bin / (double) (histogram.length - 1);
            }
        }
        return 1;
    }
}
