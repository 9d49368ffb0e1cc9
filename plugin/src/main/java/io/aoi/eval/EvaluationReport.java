package io.aoi.eval;

import io.aoi.camera.sim.TrueParticle;
import io.aoi.config.Check;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The evaluation's results and their markdown rendering. Immutable. */
public record EvaluationReport(EvaluationSettings settings, List<EvaluationRow> rows) {
    public EvaluationReport {
        rows = List.copyOf(rows);
    }

    /** The row of one sigma and arm. */
    public EvaluationRow row(double defocusSigmaPx, String arm) {
        for (EvaluationRow r : rows) {
            if (r.defocusSigmaPx() == defocusSigmaPx && r.arm().equals(arm)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no row for sigma " + defocusSigmaPx + " and arm '" + arm
                + "'; arms: " + arms());
    }

    /** Arm labels in evaluation order. */
    public List<String> arms() {
        Set<String> labels = new LinkedHashSet<>();
        for (EvaluationRow r : rows) {
            labels.add(r.arm());
        }
        return new ArrayList<>(labels);
    }

    /** A settings line, an F1 overview (sigma x arm) and the full table, with the mean contrast threshold per row. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT,
                "Detection vs ground truth: %d frames of %d x %d (%d-bit), seed %d, noise %.3f, %.1f particles"
                        + " per bump, shear direction %.0f deg; detector minContrast %.3f, contrast noise factor %s,"
                        + " diameters %.0f-%.0f px,"
                        + " >= %d particles per bump (the same settings for every arm).%n%n",
                settings.frames(), settings.widthPx(), settings.heightPx(), settings.bitDepth(), settings.seed(),
                settings.noiseSigma(), settings.particlesPerBump(), settings.shearAngleDeg(),
                settings.detector().minContrast(), Check.number(settings.detector().contrastNoiseFactor()),
                settings.detector().minDiameterPx(), settings.detector().maxDiameterPx(),
                settings.detector().minParticlesPerBump()));
        List<String> arms = arms();
        md.append("F1 by defocus sigma (px) and arm:\n\n| sigma |");
        for (String arm : arms) {
            md.append(' ').append(arm).append(" |");
        }
        md.append("\n|---:|");
        md.append("---:|".repeat(arms.size()));
        md.append('\n');
        for (double sigma : settings.defocusSigmasPx()) {
            md.append(String.format(Locale.ROOT, "| %.1f |", sigma));
            for (String arm : arms) {
                md.append(String.format(Locale.ROOT, " %.3f |", row(sigma, arm).particles().f1()));
            }
            md.append('\n');
        }
        md.append("\n| sigma | arm | precision | recall | F1 | bump verdict accuracy | TP | FP | FN | bumps |"
                + " contrast threshold |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (EvaluationRow r : rows) {
            MatchStats m = r.particles();
            md.append(String.format(Locale.ROOT,
                    "| %.1f | %s | %.3f | %.3f | %.3f | %.3f | %d | %d | %d | %d | %.4f |%n",
                    r.defocusSigmaPx(), r.arm(), m.precision(), m.recall(), m.f1(), r.bumps().accuracy(),
                    m.truePositives(), m.falsePositives(), m.falseNegatives(), r.bumps().judged(),
                    r.meanContrastThreshold()));
        }
        appendClasses(md);
        return md.toString();
    }

    /** Recall by kind of true particle, for the rows that tallied them. */
    private void appendClasses(StringBuilder md) {
        List<EvaluationRow> tallied = rows.stream().filter(r -> !r.classes().equals(ParticleClasses.NONE)).toList();
        if (tallied.isEmpty()) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%nRecall by kind of true particle (radius thirds of the simulator's 3 to"
                + " 5 px; weak: contrast below %.2f, any radius), found / total:%n%n", TrueParticle.NORMAL_CONTRAST_MIN));
        md.append(String.format(Locale.ROOT, "| sigma | arm | radius < %.2f px | %.2f to %.2f px | >= %.2f px |"
                + " weak |%n", ParticleClasses.SMALL_BELOW_PX, ParticleClasses.SMALL_BELOW_PX,
                ParticleClasses.LARGE_FROM_PX, ParticleClasses.LARGE_FROM_PX));
        md.append("|---:|---|---:|---:|---:|---:|\n");
        for (EvaluationRow r : tallied) {
            ParticleClasses c = r.classes();
            md.append(String.format(Locale.ROOT, "| %.1f | %s | %s | %s | %s | %s |%n", r.defocusSigmaPx(), r.arm(),
                    cell(c.small()), cell(c.medium()), cell(c.large()), cell(c.weak())));
        }
    }

    private static String cell(ParticleClasses.Recall r) {
        return r.total() == 0 ? "-" : String.format(Locale.ROOT, "%.3f (%d / %d)", r.fraction(), r.found(),
                r.total());
    }
}
