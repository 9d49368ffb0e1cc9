package io.aoi.plugin.bench;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.deblur.spi.DeblurrerProvider;
import io.aoi.deblur.spi.DeblurrerRegistry;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.plugin.deblur.Deblurrers;
import java.util.Locale;
import java.util.Objects;

/**
 * One way of turning a captured frame into a decision: a deblur model with its passes and region, then detection.
 *
 * @param model  an installed single-frame model; one that restores no regions (none) runs on the whole frame
 * @param passes 1 to 3 for an iterative model (UDBD-Net); 1 for the others
 * @param region what is restored
 */
public record BenchArm(DeblurModel model, int passes, DeblurRegion region) {
    public BenchArm {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(region, "region");
        ModelNeeds needs = needsOf(model);
        if (needs.frameWindow() != 1) {
            throw new IllegalArgumentException("model " + model + " restores from a window of " + needs.frameWindow()
                    + " frames; the benchmark allows the single-frame models: "
                    + String.join(", ", Deblurrers.names(n -> n.frameWindow() == 1)));
        }
        if (passes < 1 || passes > 3) {
            throw new IllegalArgumentException("passes = " + passes + "; allowed: 1 to 3");
        }
    }

    /** What the arm's model needs, from its provider. */
    public ModelNeeds needs() {
        return needsOf(model);
    }

    /** For example {@code udbd_acf x1 bumps}, {@code wiener frame}, {@code none}. */
    public String label() {
        ModelNeeds needs = needs();
        return model.name() + (needs.iterative() ? " x" + passes : "")
                + (needs.restoresRegions() ? " " + region.name().toLowerCase(Locale.ROOT) : "");
    }

    private static ModelNeeds needsOf(DeblurModel model) {
        DeblurrerRegistry installed = DeblurrerRegistry.installed();
        return installed.find(model).map(DeblurrerProvider::needs)
                .orElseThrow(() -> new IllegalArgumentException(installed.notInstalled(model)));
    }
}
