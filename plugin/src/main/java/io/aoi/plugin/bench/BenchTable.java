package io.aoi.plugin.bench;

import java.util.List;
import java.util.Locale;

/** The benchmark's markdown table. */
public final class BenchTable {
    private BenchTable() {
    }

    public static String header() {
        return "| frame | arm | MP/s end to end | CPU s per MP | ms per frame | deblur ms per frame | restored area "
                + "| RSS MB | peak RSS MB |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n";
    }

    public static String row(BenchRow r) {
        return String.format(Locale.ROOT, "| %dx%d | %s | %.3f | %.2f | %.0f | %.0f | %s | %.0f | %.0f |%n",
                r.widthPx(), r.heightPx(), r.arm().label(), r.megapixelsPerSecond(), r.cpuSecondsPerMegapixel(),
                r.millisPerFrame(), r.deblurMillisPerFrame(),
                Double.isNaN(r.restoredFraction()) ? "-" : String.format(Locale.ROOT, "%.0f %%",
                        100 * r.restoredFraction()), r.rssMegabytes(), r.peakRssMegabytes());
    }

    public static String render(List<BenchRow> rows) {
        StringBuilder out = new StringBuilder(header());
        rows.forEach(r -> out.append(row(r)));
        return out.toString();
    }
}
