package io.aoi.eval;

import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.wiener.WienerDeblurrer;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One column of the evaluation: a label and how the detector's input frame is made.
 *
 * <p>Arms built from a {@link Deblurrer} do not own it: the caller closes it after the evaluation. Use
 * {@link #deblurred(String, Deblurrer, int)} for models from other modules, for example
 * {@code deblurred("udbd x2", udbd, 2)} or {@code deblurred("motion", motion, 1)}.
 *
 * @param label             the column's name
 * @param restorer          makes the detector's input
 * @param shearDirectionDeg the DIC shear direction the arm's model was trained on: the evaluation turns the frames
 *                          towards it from each detector's direction, as a station does
 *                          ({@link io.aoi.deblur.FrameOrientation}); empty for an arm that treats every direction
 *                          alike
 */
public record EvaluationArm(String label, FrameRestorer restorer, OptionalDouble shearDirectionDeg) {
    public EvaluationArm {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("an evaluation arm needs a non-empty label");
        }
        Objects.requireNonNull(restorer, "restorer");
        Objects.requireNonNull(shearDirectionDeg, "shearDirectionDeg");
    }

    /** An arm that treats every shear direction alike. */
    public EvaluationArm(String label, FrameRestorer restorer) {
        this(label, restorer, OptionalDouble.empty());
    }

    /** The in-focus frame: the detector's ceiling. */
    public static EvaluationArm sharp() {
        return new EvaluationArm("sharp", (sharp, blurred, sigma) -> sharp);
    }

    /** The blurred frame as captured, no deblurring. */
    public static EvaluationArm blurred() {
        return new EvaluationArm("blurred", (sharp, blurred, sigma) -> blurred);
    }

    /**
     * Wiener with the true defocus sigma of each step (an oracle for the classical method); in-focus steps
     * (sigma 0) pass the frame through, as there is nothing to undo.
     */
    public static EvaluationArm wienerAtTrueSigma(double noiseToSignal) {
        return new EvaluationArm("wiener true sigma", (sharp, blurred, sigma) -> {
            if (sigma <= 0) {
                return blurred;
            }
            try (WienerDeblurrer wiener = new WienerDeblurrer(sigma, noiseToSignal)) {
                return wiener.deblur(blurred, 1);
            }
        });
    }

    /** Wiener with one fixed sigma for every step, as a station configured for its nominal defocus would. */
    public static EvaluationArm wienerAtFixedSigma(double sigmaPx, double noiseToSignal) {
        WienerDeblurrer wiener = new WienerDeblurrer(sigmaPx, noiseToSignal);
        return new EvaluationArm(String.format(Locale.ROOT, "wiener sigma %.1f", sigmaPx),
                (sharp, blurred, sigma) -> wiener.deblur(blurred, 1));
    }

    /** Any deblurrer applied to the blurred frame with the given passes; the caller owns and closes it. */
    public static EvaluationArm deblurred(String label, Deblurrer deblurrer, int passes) {
        return deblurred(label, deblurrer, passes, OptionalDouble.empty());
    }

    /**
     * As {@link #deblurred(String, Deblurrer, int)}, for a model trained on one shear direction
     * ({@code ModelNeeds.shearDirectionDeg()}; empty for one that restores any).
     */
    public static EvaluationArm deblurred(String label, Deblurrer deblurrer, int passes,
            OptionalDouble shearDirectionDeg) {
        Objects.requireNonNull(deblurrer, "deblurrer");
        return new EvaluationArm(label, (sharp, blurred, sigma) -> deblurrer.deblur(blurred, passes),
                shearDirectionDeg);
    }
}
