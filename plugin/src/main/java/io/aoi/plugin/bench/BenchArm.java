package io.aoi.plugin.bench;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import java.util.Locale;
import java.util.Objects;

/**
 * One way of turning a captured frame into a decision: a deblur model with its passes and region, then detection.
 *
 * @param model  the deblurrer; {@code none} detects on the frame as captured (its region is irrelevant)
 * @param passes 1 to 3 for UDBD-Net; 1 for the others
 * @param region what is restored
 */
public record BenchArm(DeblurModel model, int passes, DeblurRegion region) {
    public BenchArm {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(region, "region");
        if (model == DeblurModel.MOTION) {
            throw new IllegalArgumentException("model motion restores from neighbouring frames; the benchmark allows "
                    + "none, wiener, udbd, udbd_acf");
        }
        if (passes < 1 || passes > 3) {
            throw new IllegalArgumentException("passes = " + passes + "; allowed: 1 to 3");
        }
    }

    /** For example {@code udbd_acf x1 bumps}, {@code wiener frame}, {@code none}. */
    public String label() {
        String name = model.name().toLowerCase(Locale.ROOT);
        if (model == DeblurModel.NONE) {
            return name;
        }
        return name + (model.isUdbd() ? " x" + passes : "") + " " + region.name().toLowerCase(Locale.ROOT);
    }
}
