package io.aoi.plugin.bench;

import java.util.List;
import java.util.Locale;

/**
 * The benchmark's markdown table: one row per arm and round; the round column only for a run of more than one round.
 */
public final class BenchTable {
    private BenchTable() {
    }

    /** @param withRounds whether the run has more than one round (a round column after the frame) */
    public static String header(boolean withRounds) {
        return "| frame | " + (withRounds ? "round | " : "") + "arm | MP/s end to end | CPU s per MP | ms per frame "
                + "| deblur ms per frame | restored area | RSS MB | peak RSS MB |\n|---|" + (withRounds ? "---:|" : "")
                + "---|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    public static String row(BenchRow r, boolean withRounds) {
        return String.format(Locale.ROOT, "| %dx%d | %s%s | %.3f | %.2f | %.0f | %.0f | %s | %.0f | %.0f |%n",
                r.widthPx(), r.heightPx(), withRounds ? r.round() + " | " : "", r.arm().label(),
                r.megapixelsPerSecond(), r.cpuSecondsPerMegapixel(), r.millisPerFrame(), r.deblurMillisPerFrame(),
                Double.isNaN(r.restoredFraction()) ? "-" : String.format(Locale.ROOT, "%.0f %%",
                        100 * r.restoredFraction()), r.rssMegabytes(), r.peakRssMegabytes());
    }

    /** The whole table; with a round column when any row is of a round after the first. */
    public static String render(List<BenchRow> rows) {
        boolean withRounds = rows.stream().anyMatch(r -> r.round() > 1);
        StringBuilder out = new StringBuilder(header(withRounds));
        rows.forEach(r -> out.append(row(r, withRounds)));
        return out.toString();
    }
}
