package io.aoi.plugin.cli;

import io.aoi.image.ImageLimits;
import picocli.CommandLine.Option;

/** {@code --max-megapixels N} (a picocli mixin): the size limit checked from each image's header. */
final class ImageLimitOption {
    @Option(names = "--max-megapixels", paramLabel = "N",
            description = "Largest image accepted, in megapixels (read from the file header). Default: "
                    + "${DEFAULT-VALUE}.")
    double maxMegapixels = ImageLimits.DEFAULT.maxMegapixels();

    ImageLimits limits() throws UsageException {
        try {
            return new ImageLimits(maxMegapixels);
        } catch (IllegalArgumentException notAPositiveNumber) {
            throw new UsageException("--max-megapixels " + (maxMegapixels == Math.rint(maxMegapixels)
                    ? String.valueOf((long) maxMegapixels) : String.valueOf(maxMegapixels))
                    + " is not allowed; allowed: a number of megapixels greater than 0");
        }
    }
}
