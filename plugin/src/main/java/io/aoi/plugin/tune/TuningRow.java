package io.aoi.plugin.tune;

import io.aoi.results.Verdict;

/**
 * One image at one pass count.
 *
 * @param image             file name
 * @param passes            deblur passes asked for ({@code deblur.iterations}), 0 to 3
 * @param passesRun         the passes that ran ({@link PassSweep.Step#passesRun()}): fewer than {@code passes}
 *                          where the model's pass policy stopped early on this frame
 * @param sharpness         {@link Sharpness#laplacianEnergy} of the restored frame
 * @param particles         particles found
 * @param meanPerBump       mean particles per judged bump (0 when no bump was judged)
 * @param verdict           OK or NG
 * @param deblurMillis      time of the one deblur call at this pass count
 */
public record TuningRow(String image, int passes, int passesRun, double sharpness, int particles,
        double meanPerBump, Verdict verdict, double deblurMillis) {
}
