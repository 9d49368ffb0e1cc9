package io.aoi.plugin.tune;

import io.aoi.results.Verdict;

/**
 * One image at one pass count.
 *
 * @param image             file name
 * @param passes            deblur passes, 0 to 3
 * @param sharpness         {@link Sharpness#laplacianEnergy} of the restored frame
 * @param particles         particles found
 * @param meanPerBump       mean particles per judged bump (0 when no bump was judged)
 * @param verdict           OK or NG
 * @param deblurMillis      time spent deblurring
 */
public record TuningRow(String image, int passes, double sharpness, int particles, double meanPerBump,
        Verdict verdict, double deblurMillis) {
}
