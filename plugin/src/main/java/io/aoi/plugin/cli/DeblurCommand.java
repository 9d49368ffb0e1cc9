package io.aoi.plugin.cli;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Restored;
import io.aoi.image.DecodedImage;
import io.aoi.image.ImageFiles;
import io.aoi.image.ImageFormatException;
import io.aoi.image.ImageLimits;
import io.aoi.plugin.IoReasons;
import io.aoi.plugin.deblur.Deblurrers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code deblur --model NAME [--iterations N] [--max-megapixels N] --out DIR IMAGE...}: writes each restored
 * image under the same file name in DIR, with the same bit depth and channels. For {@code --model motion} the
 * images are one sequence in the order given; a file that cannot be read ends the sequence there.
 *
 * <p>Checked before any work: no two inputs share a file name, and DIR is not a file and holds none of the
 * inputs (an input is never replaced). Then per image: one that is missing, over the size limit (from its
 * header), unreadable, or fails in the model is reported on stderr with its name and the others go on; the exit
 * code is 1 when any image failed.
 */
final class DeblurCommand implements Command {

    @Override
    public String name() {
        return "deblur";
    }

    @Override
    public String synopsis() {
        return "deblur --model none|wiener|udbd|udbd_acf|motion [--iterations 0..3] [--station FILE] [--provider cpu|cuda]"
                + " [--threads N] [--model-file FILE.onnx] [--max-megapixels N] --out DIR IMAGE...";
    }

    @Override
    public int run(Args args) throws Exception {
        DeblurSettings settings = DeblurOptions.read(args);
        Path out = args.requiredPath("out");
        ImageLimits limits = ImageInputs.limits(args);
        List<Path> inputs = ImageInputs.given(Command.requirePositional(args, "image"));
        args.requireAllUsed();
        ImageInputs.requireDistinctNames(inputs, "restored images");
        ImageInputs.requireNoInputReplaced(out, inputs);
        ImageInputs.prepareFolder(out, "out");
        int failed = 0;
        // every model runs as a stream: single-frame models return each image at once, the motion model
        // restores image k from images k-1, k, k+1 (the first and last from themselves and their one neighbour)
        try (DeblurStage<Path> stage = Deblurrers.stage(settings, settings::iterations)) {
            long t0 = System.nanoTime();
            for (Path in : inputs) {
                DecodedImage decoded;
                try {
                    decoded = ImageFiles.read(in, limits);
                } catch (IOException e) {
                    failed++;
                    report(in, ImageInputs.readFailure(in, e));
                    failed += write(endRun(stage), out, stage.name(), t0);
                    t0 = System.nanoTime();
                    continue;
                }
                for (String warning : decoded.warnings()) {
                    System.err.printf("%s: warning: %s%n", in, warning);
                }
                try {
                    failed += write(stage.accept(in, decoded.image()), out, stage.name(), t0);
                } catch (DeblurException | RuntimeException e) {
                    failed++;
                    report(in, e.getMessage());
                }
                t0 = System.nanoTime();
            }
            failed += write(endRun(stage), out, stage.name(), t0);
        }
        System.out.printf("%d image(s), %d failed -> %s%n", inputs.size(), failed, out);
        return failed == 0 ? 0 : 1;
    }

    /** The frames a multi-frame model still holds; a model failure here is reported per held frame. */
    private static Result endRun(DeblurStage<Path> stage) {
        try {
            return new Result(stage.endRun(), 0);
        } catch (DeblurException | RuntimeException e) {
            System.err.printf("deblur: the frames held by %s were lost: %s%n", stage.name(), e.getMessage());
            return new Result(List.of(), 1);
        }
    }

    private record Result(List<Restored<Path>> done, int failed) {
    }

    private static int write(Result r, Path out, String model, long startedNanos) {
        return r.failed() + write(r.done(), out, model, startedNanos);
    }

    /** Writes each restored image; returns how many could not be written. */
    private static int write(List<Restored<Path>> done, Path out, String model, long startedNanos) {
        double millis = (System.nanoTime() - startedNanos) / 1e6;
        int failed = 0;
        for (Restored<Path> r : done) {
            Path target = out.resolve(r.tag().getFileName());
            try {
                ImageFiles.write(r.image(), target);
                System.out.printf("%s -> %s (%s, %s, %.0f ms)%n", r.tag(), target, r.image(), model, millis);
            } catch (IOException e) {
                failed++;
                report(r.tag(), "cannot write " + target + ": " + (e instanceof ImageFormatException ? e.getMessage()
                        : IoReasons.of(e)));
            }
        }
        return failed;
    }

    private static void report(Path in, String reason) {
        System.err.printf("%s: %s%n", in.getFileName(), reason);
    }
}
