package io.aoi.plugin.cli;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Restored;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import io.aoi.plugin.deblur.Deblurrers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code deblur --model NAME [--iterations N] --out DIR IMAGE...}: writes each restored image under the same
 * file name in DIR, with the same bit depth and channels. For {@code --model motion} the images are one
 * sequence in the order given.
 */
final class DeblurCommand implements Command {

    @Override
    public String name() {
        return "deblur";
    }

    @Override
    public String synopsis() {
        return "deblur --model none|wiener|udbd|udbd_acf|motion [--iterations 0..3] [--station FILE] [--provider cpu|cuda]"
                + " [--threads N] [--model-file FILE.onnx] --out DIR IMAGE...";
    }

    @Override
    public int run(Args args) throws Exception {
        DeblurSettings settings = DeblurOptions.read(args);
        Path out = args.requiredPath("out");
        List<Path> inputs = ImageInputs.existing(Command.requirePositional(args, "image"));
        args.requireAllUsed();
        Files.createDirectories(out);
        // every model runs as a stream: single-frame models return each image at once, the motion model
        // restores image k from images k-1, k, k+1 (the first and last from themselves and their one neighbour)
        try (DeblurStage<Path> stage = Deblurrers.stage(settings, settings::iterations)) {
            long t0 = System.nanoTime();
            for (Path in : inputs) {
                Image frame = ImageFiles.read(in);
                write(stage.accept(in, frame), out, stage.name(), t0);
                t0 = System.nanoTime();
            }
            write(stage.endRun(), out, stage.name(), t0);
        }
        return 0;
    }

    private static void write(List<Restored<Path>> done, Path out, String model, long startedNanos)
            throws IOException {
        double millis = (System.nanoTime() - startedNanos) / 1e6;
        for (Restored<Path> r : done) {
            Path target = out.resolve(r.tag().getFileName());
            ImageFiles.write(r.image(), target);
            System.out.printf("%s -> %s (%s, %s, %.0f ms)%n", r.tag(), target, r.image(), model, millis);
        }
    }
}
