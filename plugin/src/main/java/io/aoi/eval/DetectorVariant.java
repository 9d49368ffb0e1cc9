package io.aoi.eval;

import io.aoi.config.Check;
import io.aoi.config.DetectorSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One detector the evaluation runs on every arm's frames, e.g. with another illumination direction than the
 * frames were rendered with. Its label is appended to the arm's ({@code "sharp @+30"}); the empty label adds
 * nothing.
 *
 * @param label    short name, empty for the station's detector alone
 * @param detector its settings
 */
public record DetectorVariant(String label, DetectorSettings detector) {
    /** Offsets from the frames' true shear direction that {@link #shearArms} evaluates, degrees. */
    public static final List<Double> SHEAR_OFFSETS_DEG = List.of(0.0, 30.0, 90.0, 180.0);

    public DetectorVariant {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detector, "detector");
    }

    /** The arm label with this variant's label appended. */
    String labelFor(String arm) {
        return label.isEmpty() ? arm : arm + " " + label;
    }

    /**
     * The detector at the frames' true shear direction ({@code @right}), off by each of
     * {@link #SHEAR_OFFSETS_DEG} but 0 ({@code @+30} ...), and estimating it per frame ({@code @auto}, with
     * {@code detector}'s own angle until a frame gives an estimate).
     */
    public static List<DetectorVariant> shearArms(DetectorSettings detector, double trueShearDeg) {
        List<DetectorVariant> out = new ArrayList<>();
        for (double offset : SHEAR_OFFSETS_DEG) {
            String label = offset == 0 ? "@right" : String.format(Locale.ROOT, "@+%.0f", offset);
            // wrapped to (-180, 180]: the station file allows -360 to 360, and a true 250 plus 180 is 430
            double angle = Math.IEEEremainder(trueShearDeg + offset, 360);
            out.add(new DetectorVariant(label, detector.withIlluminationAngleDeg(angle == -180 ? 180 : angle)));
        }
        out.add(new DetectorVariant("@auto", detector.withAutoIlluminationAngle(detector.illuminationAngleDeg())));
        return out;
    }

    /**
     * Each of {@code variants} with each contrast noise factor, labelled with it ({@code "k4"}, appended to the
     * variant's label): for choosing {@code detector.contrastNoiseFactor}.
     */
    public static List<DetectorVariant> contrastNoiseFactorArms(List<DetectorVariant> variants,
            List<Double> factors) {
        List<DetectorVariant> out = new ArrayList<>();
        for (DetectorVariant v : variants) {
            for (double factor : factors) {
                String k = "k" + Check.number(factor);
                out.add(new DetectorVariant(v.label.isEmpty() ? k : v.label + " " + k,
                        v.detector.withContrastNoiseFactor(factor)));
            }
        }
        return out;
    }
}
