package io.aoi.plugin.tune;

import io.aoi.eval.plot.LineChart;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The tuning picture {@value #FILE}: mean particles per bump against the UDBD-Net pass count, one line per image,
 * so that a process engineer sees where more passes stop finding more particles. Stateless.
 */
public final class PassCountPlot {
    /** The file name, written next to {@code tuning.csv}. */
    public static final String FILE = "particles-vs-passes.png";

    private PassCountPlot() {
    }

    /** Writes the plot of {@code rows} into {@code dir}; returns the file. */
    public static Path write(List<TuningRow> rows, Path dir) throws IOException {
        LineChart chart = LineChart.counting("Particles per bump against passes", "UDBD-Net passes",
                "mean particles per bump");
        for (TuningRow r : rows) {
            chart.point(r.image(), r.passes(), r.meanPerBump());
        }
        Path file = dir.resolve(FILE);
        chart.writePng(file);
        return file;
    }
}
