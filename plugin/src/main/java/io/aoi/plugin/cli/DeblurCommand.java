package io.aoi.plugin.cli;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import io.aoi.plugin.deblur.Deblurrers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code deblur --model NAME [--iterations N] --out DIR IMAGE...}: writes each restored image under the same
 * file name in DIR, with the same bit depth and channels.
 */
final class DeblurCommand implements Command {

    @Override
    public String name() {
        return "deblur";
    }

    @Override
    public String synopsis() {
        return "deblur --model none|wiener|udbd|motion [--iterations 0..3] [--station FILE] [--provider cpu|cuda]"
                + " [--threads N] --out DIR IMAGE...";
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args) throws Exception {
        DeblurSettings settings = DeblurOptions.read(args);
        Path out = args.requiredPath("out");
        List<Path> inputs = ImageInputs.existing(Command.requirePositional(args, "image"));
        args.requireAllUsed();
        Files.createDirectories(out);
        try (Deblurrer deblurrer = Deblurrers.open(settings)) {
            for (Path in : inputs) {
                Image frame = ImageFiles.read(in);
                long t0 = System.nanoTime();
                Image restored = deblurrer.deblur(frame, settings.iterations());
                double millis = (System.nanoTime() - t0) / 1e6;
                Path target = out.resolve(in.getFileName());
                ImageFiles.write(restored, target);
                System.out.printf("%s -> %s (%s, %s, %.0f ms)%n", in, target, frame, deblurrer.name(), millis);
            }
        }
        return 0;
    }
}
