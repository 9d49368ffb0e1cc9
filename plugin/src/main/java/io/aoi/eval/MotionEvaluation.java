package io.aoi.eval;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.motion.TripletDeblurrer;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the detector on motion-blurred frames, with and without the 3-frame motion deblurrer.
 *
 * <p>Frames of the same panel as {@link DetectionEvaluation} (settings' frames, size, seed, noise; no defocus),
 * starting one frame height later so that the first has a frame before it, blurred along y by each motion
 * length. The motion model restores frame n from the blurred frames n - 1, n and n + 1, the contiguous
 * neighbours a line without frame overlap delivers. Arms: {@code sharp}, {@code blurred} and
 * {@code motion}. Single-threaded; the caller owns the deblurrer.
 */
public final class MotionEvaluation {
    /** Motion lengths reported by default, in lines. */
    public static final List<Double> DEFAULT_LENGTHS_PX = List.of(4.0, 8.0, 16.0);
    private static final String SHARP = "sharp";
    private static final String BLURRED = "blurred";
    private static final String MOTION = "motion";

    private MotionEvaluation() {
    }

    /**
     * @param lengthsPx motion blur lengths along y in lines, each 0 to 64
     * @param motion    the motion deblurrer; not closed here
     */
    public static List<MotionRow> run(EvaluationSettings settings, List<Double> lengthsPx, TripletDeblurrer motion)
            throws DeblurException {
        for (double length : lengthsPx) {
            if (!(length >= 0 && length <= 64)) {
                throw new IllegalArgumentException("motion length " + length + " px; allowed: 0 to 64");
            }
        }
        PanelSimulator simulator = DetectionEvaluation.simulator(settings);
        ParticleDetector detector = new ParticleDetector(settings.detector());
        int h = settings.heightPx();
        double noise = settings.noiseSigma();
        Map<String, FrameScores> pooled = new LinkedHashMap<>();
        for (int n = 0; n < settings.frames(); n++) {
            long firstLine = DetectionEvaluation.FIRST_LINE + (long) (n + 1) * h;
            SimulatedFrame sharp = simulator.frame(firstLine, h, 0, 0, noise);
            FrameScores sharpScores = FrameScores.of(detector, sharp.image(), sharp.image(), sharp);
            for (double length : lengthsPx) {
                Image previous = simulator.frame(firstLine - h, h, 0, length, noise).image();
                Image current = simulator.frame(firstLine, h, 0, length, noise).image();
                Image next = simulator.frame(firstLine + h, h, 0, length, noise).image();
                pool(pooled, length, SHARP, sharpScores);
                pool(pooled, length, BLURRED, FrameScores.of(detector, current, current, sharp));
                Image restored = motion.deblur(previous, current, next);
                pool(pooled, length, MOTION, FrameScores.of(detector, restored, current, sharp));
            }
        }
        List<MotionRow> rows = new ArrayList<>();
        for (double length : lengthsPx) {
            for (String arm : List.of(SHARP, BLURRED, MOTION)) {
                FrameScores s = pooled.get(key(length, arm));
                rows.add(new MotionRow(length, arm, s.particles(), s.bumps()));
            }
        }
        return rows;
    }

    /** A markdown table of the rows. */
    public static String toMarkdown(List<MotionRow> rows) {
        StringBuilder md = new StringBuilder("| motion (lines) | arm | precision | recall | F1 | bump verdict accuracy"
                + " | TP | FP | FN |\n|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (MotionRow r : rows) {
            MatchStats m = r.particles();
            md.append(String.format(Locale.ROOT, "| %.1f | %s | %.3f | %.3f | %.3f | %.3f | %d | %d | %d |%n",
                    r.motionBlurPx(), r.arm(), m.precision(), m.recall(), m.f1(), r.bumps().accuracy(),
                    m.truePositives(), m.falsePositives(), m.falseNegatives()));
        }
        return md.toString();
    }

    private static void pool(Map<String, FrameScores> pooled, double length, String arm, FrameScores s) {
        pooled.merge(key(length, arm), s, FrameScores::plus);
    }

    private static String key(double length, String arm) {
        return length + "|" + arm;
    }
}
