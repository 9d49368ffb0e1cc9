package io.aoi.deblur;

import java.util.Locale;

/**
 * Checks a restored plane (samples in [0, 1] scale) before it is turned back into a frame: every sample finite,
 * and at most {@link #MAX_OUT_OF_RANGE_FRACTION} of them outside [{@link #LOWEST}, {@link #HIGHEST}]. Ringing of a
 * restoration may overshoot [0, 1] a little and is clipped; a model whose output leaves the range on a whole
 * region is broken. Stateless.
 */
public final class DeblurOutputCheck {
    /** Lowest plausible restored sample (full scale is 1). */
    public static final double LOWEST = -0.5;
    /** Highest plausible restored sample. */
    public static final double HIGHEST = 1.5;
    /** Largest fraction of samples outside [LOWEST, HIGHEST]. */
    public static final double MAX_OUT_OF_RANGE_FRACTION = 0.01;

    private DeblurOutputCheck() {
    }

    /**
     * @param model the deblurrer's name, for the message
     * @throws DeblurOutputException naming the model, how many samples were not finite or out of range, and the
     *                               limits
     */
    public static void check(String model, float[] plane) throws DeblurOutputException {
        long nonFinite = 0;
        long outOfRange = 0;
        for (float v : plane) {
            if (!Float.isFinite(v)) {
                nonFinite++;
            } else if (v < LOWEST || v > HIGHEST) {
                outOfRange++;
            }
        }
        if (nonFinite > 0) {
            throw new DeblurOutputException(String.format(Locale.ROOT, "%s output is not finite: %d of %d samples "
                    + "are NaN or infinite", model, nonFinite, plane.length));
        }
        if (outOfRange > MAX_OUT_OF_RANGE_FRACTION * plane.length) {
            throw new DeblurOutputException(String.format(Locale.ROOT, "%s output is out of range: %d of %d "
                    + "samples outside [%.1f, %.1f] of full scale (at most %.0f %% allowed)", model, outOfRange,
                    plane.length, LOWEST, HIGHEST, 100 * MAX_OUT_OF_RANGE_FRACTION));
        }
    }
}
