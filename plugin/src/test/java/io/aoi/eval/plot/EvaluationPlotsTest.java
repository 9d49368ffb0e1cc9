package io.aoi.eval.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.eval.EvaluationReport;
import io.aoi.eval.EvaluationRow;
import io.aoi.eval.EvaluationSettings;
import io.aoi.eval.MatchStats;
import io.aoi.eval.MotionRow;
import io.aoi.eval.VerdictStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationPlotsTest {
    @TempDir
    Path dir;

    private static EvaluationReport report() {
        List<EvaluationRow> rows = new ArrayList<>();
        double[] sigmas = {0, 2, 3};
        for (int i = 0; i < sigmas.length; i++) {
            rows.add(new EvaluationRow(sigmas[i], "blurred", new MatchStats(90 - 30 * i, 2, 10 + 30 * i),
                    new VerdictStats(20 - 3 * i, 20)));
            rows.add(new EvaluationRow(sigmas[i], "udbd x1", new MatchStats(95 - 5 * i, 1, 5 + 5 * i),
                    new VerdictStats(20 - i, 20)));
        }
        return new EvaluationReport(EvaluationSettings.defaults(), rows);
    }

    @Test
    void writesOnePictureOfF1AndOneOfVerdictsWithoutMotionRows() throws IOException {
        List<Path> files = EvaluationPlots.write(report(), List.of(), dir.resolve("plots"));

        assertEquals(List.of(dir.resolve("plots").resolve(EvaluationPlots.F1_FILE),
                dir.resolve("plots").resolve(EvaluationPlots.VERDICT_FILE)), files);
        for (Path f : files) {
            BufferedImage png = ImageIO.read(f.toFile());
            assertEquals(LineChart.WIDTH_PX, png.getWidth(), f.toString());
            assertEquals(LineChart.HEIGHT_PX, png.getHeight(), f.toString());
            assertTrue(saturatedPixels(png) > 200, "the series lines are drawn in colour in " + f);
        }
    }

    @Test
    void motionRowsAddTheMotionPicture() throws IOException {
        List<MotionRow> motion = List.of(
                new MotionRow(4, "blurred", new MatchStats(90, 2, 10), new VerdictStats(19, 20)),
                new MotionRow(8, "blurred", new MatchStats(70, 2, 30), new VerdictStats(17, 20)),
                new MotionRow(4, "motion", new MatchStats(92, 2, 8), new VerdictStats(19, 20)),
                new MotionRow(8, "motion", new MatchStats(85, 3, 15), new VerdictStats(18, 20)));

        List<Path> files = EvaluationPlots.write(report(), motion, dir);

        assertEquals(3, files.size());
        assertEquals(dir.resolve(EvaluationPlots.MOTION_FILE), files.get(2));
        assertTrue(saturatedPixels(ImageIO.read(files.get(2).toFile())) > 200);
    }

    @Test
    void aChartHasOneSeriesPerArm() {
        LineChart chart = LineChart.titled("t", "x", "y").point("a", 0, 0.5).point("b", 0, 0.7).point("a", 1, 0.4);
        assertEquals(2, chart.seriesCount());
    }

    /** Pixels whose channels differ by more than 80 levels: lines and markers, not the grey grid or text. */
    private static int saturatedPixels(BufferedImage png) {
        int n = 0;
        for (int y = 0; y < png.getHeight(); y++) {
            for (int x = 0; x < png.getWidth(); x++) {
                int rgb = png.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    n++;
                }
            }
        }
        return n;
    }
}
