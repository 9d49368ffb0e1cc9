package io.aoi.plugin.tune;

import java.util.List;

/**
 * The iteration count recommended for a station, with the reason in words a process engineer can check
 * against the contact sheet.
 */
public record Recommendation(int passes, String reason) {

    /** Another pass must raise the mean particle count by at least this fraction to be worth its time. */
    public static final double MIN_GAIN = 0.02;

    /**
     * The fewest passes after which one more pass no longer raises the mean particle count (over all images)
     * by {@link #MIN_GAIN}. Particles the detector misses on a defocused frame come back as the frame gets
     * sharper; once the count stops rising the detector sees what it would see in focus, and further passes
     * only cost time and risk amplifying noise.
     *
     * @param rows the rows of every image for passes 0 to {@code maxPasses}
     */
    public static Recommendation from(List<TuningRow> rows, int maxPasses) {
        double[] meanCount = new double[maxPasses + 1];
        double[] meanMillis = new double[maxPasses + 1];
        int[] n = new int[maxPasses + 1];
        for (TuningRow r : rows) {
            meanCount[r.passes()] += r.particles();
            meanMillis[r.passes()] += r.deblurMillis();
            n[r.passes()]++;
        }
        for (int p = 0; p <= maxPasses; p++) {
            if (n[p] == 0) {
                throw new IllegalArgumentException("no row for " + p + " passes");
            }
            meanCount[p] /= n[p];
            meanMillis[p] /= n[p];
        }
        for (int p = 0; p < maxPasses; p++) {
            double gain = meanCount[p] == 0 ? (meanCount[p + 1] > 0 ? 1 : 0)
                    : (meanCount[p + 1] - meanCount[p]) / meanCount[p];
            if (gain < MIN_GAIN) {
                return new Recommendation(p, String.format(
                        "pass %d -> %d changes the mean particle count by %+.1f%% (%.1f -> %.1f), below the %.0f%% "
                                + "worth another pass; %d pass(es) cost %.0f ms per image",
                        p, p + 1, 100 * gain, meanCount[p], meanCount[p + 1], 100 * MIN_GAIN, p, meanMillis[p]));
            }
        }
        return new Recommendation(maxPasses, String.format(
                "every pass up to %d still raised the mean particle count by at least %.0f%% (%.1f -> %.1f); "
                        + "the frames may be more defocused than the model covers: check the focus",
                maxPasses, 100 * MIN_GAIN, meanCount[0], meanCount[maxPasses]));
    }
}
