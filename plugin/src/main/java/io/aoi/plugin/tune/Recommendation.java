package io.aoi.plugin.tune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * only cost time and risk amplifying noise. A pass count whose frames ran no pass more than the count below
     * (the model's pass policy stopped, {@link TuningRow#passesRun()}) is said to add no pass.
     *
     * @param rows the rows of every image for passes 0 to {@code maxPasses}
     */
    public static Recommendation from(List<TuningRow> rows, int maxPasses) {
        double[] meanCount = new double[maxPasses + 1];
        double[] meanMillis = new double[maxPasses + 1];
        int[] n = new int[maxPasses + 1];
        Map<String, int[]> passesRun = new HashMap<>();
        for (TuningRow r : rows) {
            meanCount[r.passes()] += r.particles();
            meanMillis[r.passes()] += r.deblurMillis();
            n[r.passes()]++;
            passesRun.computeIfAbsent(r.image(), k -> new int[maxPasses + 1])[r.passes()] = r.passesRun();
        }
        for (int p = 0; p <= maxPasses; p++) {
            if (n[p] == 0) {
                throw new IllegalArgumentException("no row for " + p + " passes");
            }
            meanCount[p] /= n[p];
            meanMillis[p] /= n[p];
        }
        for (int p = 0; p < maxPasses; p++) {
            int further = 0;
            for (int[] run : passesRun.values()) {
                further += run[p + 1] > run[p] ? 1 : 0;
            }
            if (further == 0) {
                return new Recommendation(p, String.format(
                        "iterations %d runs no pass more than iterations %d on any of these frames (the model's pass "
                                + "policy ran no further pass: UDBD-Net runs one only while the restored frame's "
                                + "kernel reads at least 1 px), "
                                + "so the station would find the same particles (%.1f -> %.1f); %d pass(es) cost "
                                + "%.0f ms per image",
                        p + 1, p, meanCount[p], meanCount[p + 1], p, meanMillis[p]));
            }
            double gain = meanCount[p] == 0 ? (meanCount[p + 1] > 0 ? 1 : 0)
                    : (meanCount[p + 1] - meanCount[p]) / meanCount[p];
            if (gain < MIN_GAIN) {
                String partly = further < passesRun.size() ? String.format(
                        " (iterations %d ran a further pass on %d of %d images)", p + 1, further, passesRun.size()) : "";
                return new Recommendation(p, String.format(
                        "pass %d -> %d changes the mean particle count by %+.1f%% (%.1f -> %.1f), below the %.0f%% "
                                + "worth another pass%s; %d pass(es) cost %.0f ms per image",
                        p, p + 1, 100 * gain, meanCount[p], meanCount[p + 1], 100 * MIN_GAIN, partly, p,
                        meanMillis[p]));
            }
        }
        return new Recommendation(maxPasses, String.format(
                "every pass up to %d still raised the mean particle count by at least %.0f%% (%.1f -> %.1f); "
                        + "the frames may be more defocused than the model covers: check the focus",
                maxPasses, 100 * MIN_GAIN, meanCount[0], meanCount[maxPasses]));
    }
}
