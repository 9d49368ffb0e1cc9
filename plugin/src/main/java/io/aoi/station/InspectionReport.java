package io.aoi.station;

import io.aoi.detect.Detection;
import io.aoi.detect.Particle;
import io.aoi.image.Image;
import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Inspector#inspect} found in one image. Immutable.
 *
 * @param detection    particles (every one found, in image pixels), judged bumps with their counts, verdict and,
 *                     for NO_DECISION, the reason
 * @param restored     the deblurred image the detector saw; empty when the deblurrer's output could not be judged
 *                     (then the verdict is NO_DECISION with the reason, and there are no particles or bumps)
 * @param deblurModel  the deblurrer's name ({@code udbd_acf}, {@code wiener}...)
 * @param passes       deblur passes
 * @param deblurMillis time spent deblurring
 * @param detectMillis time spent detecting; 0 without a restored image
 */
public record InspectionReport(Detection detection, Optional<Image> restored, String deblurModel, int passes,
        double deblurMillis, double detectMillis) {
    public InspectionReport {
        Objects.requireNonNull(detection, "detection");
        Objects.requireNonNull(restored, "restored");
        Objects.requireNonNull(deblurModel, "deblurModel");
    }

    /** OK, NG or NO_DECISION. */
    public Verdict verdict() {
        return detection.verdict();
    }

    /** Why there is no decision; empty for OK and NG. */
    public String reason() {
        return detection.reason();
    }

    public List<BumpCount> bumps() {
        return detection.bumps();
    }

    public List<Particle> particles() {
        return detection.particles();
    }
}
