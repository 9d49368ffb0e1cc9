package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
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
import io.aoi.plugin.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code deblur --model NAME [--iterations N] [--max-megapixels N] --out DIR IMAGE...}: writes each restored
 * image under the same file name in DIR, with the same bit depth and channels. For {@code --model motion} (or any
 * model whose provider reads a window of three frames) the images are one sequence in the order given; a file that cannot be read ends the sequence there.
 *
 * <p>Checked before any work: no two inputs share a file name, and DIR is not a file and holds none of the
 * inputs (an input is never replaced). Then per image: one that is missing, over the size limit (from its
 * header), unreadable, or fails in the model is reported on stderr with its name and the others go on; the exit
 * code is 1 when any image failed. Progress (one step per image, with an ETA) goes to stderr.
 */
@Command(name = "deblur", description = "Writes each restored image under the same file name in DIR, with the same "
        + "bit depth and channels; for --model motion the images are one sequence in the order given.")
final class DeblurCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    HelpOption help;

    @Mixin
    DeblurOptions deblur;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the restored images (created when missing); must hold none of the inputs.")
    Path out;

    @Mixin
    ImageLimitOption limit;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files (PNG, TIFF...), 8 or 16 bit.")
    List<Path> inputs;

    DeblurCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        DeblurSettings settings = deblur.read();
        ImageLimits limits = limit.limits();
        ImageInputs.requireDistinctNames(inputs, "restored images");
        ImageInputs.requireNoInputReplaced(out, inputs);
        ImageInputs.prepareFolder(out, "out");
        int failed = 0;
        // every model runs as a stream: single-frame models return each image at once, a 3-frame model (motion)
        // restores image k from images k-1, k, k+1 (the first and last from themselves and their one neighbour)
        try (DeblurStage<Path> stage = Deblurrers.stage(settings, settings::iterations);
                Progress progress = Progress.start("deblur", inputs.size(), io.err())) {
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
                    progress.step();
                    continue;
                }
                for (String warning : decoded.warnings()) {
                    io.err().printf("%s: warning: %s%n", in, warning);
                }
                try {
                    failed += write(stage.accept(in, decoded.image()), out, stage.name(), t0);
                } catch (DeblurException | RuntimeException e) {
                    failed++;
                    report(in, e.getMessage());
                }
                t0 = System.nanoTime();
                progress.step(); // one step per image given (a motion model may still hold it)
            }
            failed += write(endRun(stage), out, stage.name(), t0);
        }
        io.out().printf("%d image(s), %d failed -> %s%n", inputs.size(), failed, out);
        return failed == 0 ? 0 : 1;
    }

    /** The frames a multi-frame model still holds; a model failure here is reported per held frame. */
    private Result endRun(DeblurStage<Path> stage) {
        try {
            return new Result(stage.endRun(), 0);
        } catch (DeblurException | RuntimeException e) {
            io.err().printf("deblur: the frames held by %s were lost: %s%n", stage.name(), e.getMessage());
            return new Result(List.of(), 1);
        }
    }

    private record Result(List<Restored<Path>> done, int failed) {
    }

    private int write(Result r, Path out, String model, long startedNanos) {
        return r.failed() + write(r.done(), out, model, startedNanos);
    }

    /** Writes each restored image; returns how many could not be written. */
    private int write(List<Restored<Path>> done, Path out, String model, long startedNanos) {
        double millis = (System.nanoTime() - startedNanos) / 1e6;
        int failed = 0;
        for (Restored<Path> r : done) {
            Path target = out.resolve(r.tag().getFileName());
            try {
                ImageFiles.write(r.image(), target);
                io.out().printf("%s -> %s (%s, %s, %.0f ms)%n", r.tag(), target, r.image(), model, millis);
            } catch (IOException e) {
                failed++;
                report(r.tag(), "cannot write " + target + ": " + (e instanceof ImageFormatException ? e.getMessage()
                        : IoReasons.of(e)));
            }
        }
        return failed;
    }

    private void report(Path in, String reason) {
        io.err().printf("%s: %s%n", in.getFileName(), reason);
    }
}
