package io.aoi.eval.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One PNG line chart: a y value against an x value for each named series, drawn by JFreeChart off screen
 * (headless; no display needed). Build with {@link #titled} (a fraction from 0 to 1 on the y axis) or
 * {@link #counting} (a count or mean from 0 up), add points with {@link #point}, write once with
 * {@link #writePng}. Not thread-safe.
 */
public final class LineChart {
    static final int WIDTH_PX = 800;
    static final int HEIGHT_PX = 500;
    /** Dark, distinct colours that read on white and in print; series beyond them reuse them in order. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd),
        new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean fractions;
    private final Map<String, SortedMap<Double, Double>> series = new LinkedHashMap<>();

    private LineChart(String title, String xLabel, String yLabel, boolean fractions) {
        this.title = Objects.requireNonNull(title);
        this.xLabel = Objects.requireNonNull(xLabel);
        this.yLabel = Objects.requireNonNull(yLabel);
        this.fractions = fractions;
    }

    /** A chart of fractions: the y axis runs from 0 to 1. */
    public static LineChart titled(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel, true);
    }

    /** A chart of counts or means: the y axis runs from 0 to a little above the largest value. */
    public static LineChart counting(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel, false);
    }

    /** Adds (or replaces) the point at {@code x} of the series {@code name}; series keep the order first added. */
    public LineChart point(String name, double x, double y) {
        series.computeIfAbsent(name, n -> new TreeMap<>()).put(x, y);
        return this;
    }

    /** How many series the chart has. */
    int seriesCount() {
        return series.size();
    }

    /** Writes the chart as a {@value #WIDTH_PX} x {@value #HEIGHT_PX} PNG. */
    public void writePng(Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach((name, points) -> {
            XYSeries s = new XYSeries(name, true, false);
            points.forEach(s::add);
            data.addSeries(s);
        });
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(2f));
            renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        if (fractions) {
            y.setRange(0, 1.02);
        } else {
            y.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH_PX, HEIGHT_PX);
    }
}
