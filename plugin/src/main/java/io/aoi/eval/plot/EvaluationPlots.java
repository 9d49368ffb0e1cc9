package io.aoi.eval.plot;

import io.aoi.eval.EvaluationReport;
import io.aoi.eval.EvaluationRow;
import io.aoi.eval.MotionRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The pictures of an evaluation, for process engineers who would rather look than read a table:
 * <ul>
 *   <li>{@value #F1_FILE}: particle F1 against defocus sigma, one line per arm;</li>
 *   <li>{@value #VERDICT_FILE}: bump-verdict accuracy against defocus sigma, one line per arm;</li>
 *   <li>{@value #MOTION_FILE} (only with motion rows): particle F1 against motion length, one line per arm.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class EvaluationPlots {
    public static final String F1_FILE = "f1-vs-sigma.png";
    public static final String VERDICT_FILE = "bump-verdicts-vs-sigma.png";
    public static final String MOTION_FILE = "f1-vs-motion.png";

    private EvaluationPlots() {
    }

    /**
     * Writes the PNGs into {@code dir} (created when missing).
     *
     * @param motion the motion rows, empty when motion was not evaluated
     * @return the files written, in the order above
     */
    public static List<Path> write(EvaluationReport report, List<MotionRow> motion, Path dir) throws IOException {
        Files.createDirectories(dir);
        LineChart f1 = LineChart.titled("Particle F1 against defocus", "defocus sigma (px)", "F1");
        LineChart verdicts = LineChart.titled("Bump-verdict accuracy against defocus", "defocus sigma (px)",
                "bump verdicts correct (fraction)");
        for (EvaluationRow r : report.rows()) {
            f1.point(r.arm(), r.defocusSigmaPx(), r.particles().f1());
            verdicts.point(r.arm(), r.defocusSigmaPx(), r.bumps().accuracy());
        }
        List<Path> written = new ArrayList<>();
        written.add(write(f1, dir.resolve(F1_FILE)));
        written.add(write(verdicts, dir.resolve(VERDICT_FILE)));
        if (!motion.isEmpty()) {
            LineChart m = LineChart.titled("Particle F1 against motion blur", "motion blur length (lines)", "F1");
            for (MotionRow r : motion) {
                m.point(r.arm(), r.motionBlurPx(), r.particles().f1());
            }
            written.add(write(m, dir.resolve(MOTION_FILE)));
        }
        return written;
    }

    private static Path write(LineChart chart, Path file) throws IOException {
        chart.writePng(file);
        return file;
    }
}
