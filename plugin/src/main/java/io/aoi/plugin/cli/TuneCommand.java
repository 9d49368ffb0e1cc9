package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
import io.aoi.config.DeblurSettings;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigLoader;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.detect.Detection;
import io.aoi.detect.OverlayRenderer;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.DecodedImage;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import io.aoi.image.ImageLimits;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.progress.Progress;
import io.aoi.plugin.tune.ContactSheet;
import io.aoi.plugin.tune.PassCountPlot;
import io.aoi.plugin.tune.PassSweep;
import io.aoi.plugin.tune.Recommendation;
import io.aoi.plugin.tune.Sharpness;
import io.aoi.plugin.tune.TuningRow;
import io.aoi.results.BumpCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tune --station FILE --out DIR [--max-megapixels N] IMAGE...}: restores recorded frames with the station's
 * iterative model as the station would at {@code deblur.iterations} 0 to 3 ({@link PassSweep}: one call with the
 * pass count on the frame as captured, so the model's pass policy decides which passes run) and writes, per image,
 * a contact sheet PNG ({@code x.png-passes.png}: each pass count side by side with the particles drawn, and where
 * a count ran no pass more than the one below), one {@code tuning.csv} over all images, the plot
 * {@value PassCountPlot#FILE} (mean particles per bump against passes, one line per image) and
 * {@code recommendation.txt} with the recommended pass count and its reason. Inputs must exist and have distinct
 * file names; an image over the size limit (from its header) stops the command with its name. Progress (one step
 * per image, with an ETA) goes to stderr.
 */
@Command(name = "tune", description = "Restores recorded frames as the station would at 0 to 3 UDBD-Net passes "
        + "(deblur.iterations; the model's pass policy decides which passes run) and writes contact sheets, "
        + "tuning.csv, " + PassCountPlot.FILE + " and the recommended pass count.")
final class TuneCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    HelpOption help;

    @Option(names = "--station", paramLabel = "FILE", required = true,
            description = "The station file; its deblur model must be an iterative one (udbd, udbd_acf, "
                    + "udbd_acf_lite).")
    Path stationFile;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the outputs (created "
            + "when missing).")
    Path out;

    @Mixin
    ImageLimitOption limit;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Recorded frames, with distinct file names.")
    List<Path> images;

    /** The shear direction of the image being tuned, read once from it as captured. */
    private double capturedShearDeg = Double.NaN;

    TuneCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        StationConfig station = StationConfigLoader.load(stationFile, Deblurrers.names());
        ImageLimits limits = limit.limits();
        List<Path> inputs = ImageInputs.existing(images);
        ImageInputs.requireDistinctNames(inputs, "contact sheets");
        DeblurSettings settings = station.deblur();
        if (!Deblurrers.needs(settings.model()).iterative()) {
            throw new UsageException("station " + station.stationId() + " uses deblur model '"
                    + settings.model().name() + "'; tuning the pass count needs an iterative model: "
                    + String.join(", ", Deblurrers.names(ModelNeeds::iterative)));
        }
        ImageInputs.prepareFolder(out, "out");
        ParticleDetector detector = new ParticleDetector(station.detector());
        List<TuningRow> rows = new ArrayList<>();
        try (Deblurrer deblurrer = Deblurrers.open(settings, Optional.empty(), frame -> capturedShearDeg);
                Progress progress = Progress.start("tune", inputs.size(), io.err())) {
            for (Path in : inputs) {
                rows.addAll(tuneOne(in, limits, deblurrer, detector, out));
                progress.step();
            }
        }
        writeCsv(rows, out.resolve("tuning.csv"));
        PassCountPlot.write(rows, out);
        Recommendation r = Recommendation.from(rows, DeblurSettings.MAX_ITERATIONS);
        String text = "recommended iterations: " + r.passes() + "\nreason: " + r.reason() + "\n";
        Files.writeString(out.resolve("recommendation.txt"), text, StandardCharsets.UTF_8);
        io.out().print(text);
        io.out().println("contact sheets, tuning.csv, " + PassCountPlot.FILE + " and recommendation.txt in " + out);
        return 0;
    }

    /** Pass counts 0..3, each restored from the frame as captured, as the station restores it. */
    private List<TuningRow> tuneOne(Path in, ImageLimits limits, Deblurrer deblurrer,
            ParticleDetector detector, Path out) throws Exception {
        String name = in.getFileName().toString();
        DecodedImage decoded = ImageFiles.read(in, limits);
        for (String warning : decoded.warnings()) {
            io.err().printf("%s: warning: %s%n", in, warning);
        }
        Image captured = decoded.image();
        capturedShearDeg = detector.shearDirectionFor(captured);
        List<TuningRow> rows = new ArrayList<>();
        List<ContactSheet.Panel> panels = new ArrayList<>();
        PassSweep.Step fewer = null;
        for (PassSweep.Step step : PassSweep.run(deblurrer, captured, DeblurSettings.MAX_ITERATIONS)) {
            Detection d = detector.detect(step.image(), captured);
            TuningRow row = new TuningRow(name, step.passes(), step.passesRun(),
                    Sharpness.laplacianEnergy(step.image()), d.particles().size(), meanPerBump(d.bumps()),
                    d.verdict(), step.deblurMillis());
            rows.add(row);
            String noFurther = fewer != null && !step.addsPass(fewer)
                    ? String.format(Locale.ROOT, " (no pass more than %d)", fewer.passes()) : "";
            panels.add(new ContactSheet.Panel(OverlayRenderer.render(step.image(), d), String.format(Locale.ROOT,
                    "%d pass%s%s: %d particles, %s", step.passes(), step.passes() == 1 ? "" : "es", noFurther,
                    row.particles(), row.verdict())));
            fewer = step;
        }
        ContactSheet.write(panels, out.resolve(ImageInputs.derivedName(in, "passes.png")));
        return rows;
    }

    private static double meanPerBump(List<BumpCount> bumps) {
        return bumps.stream().mapToInt(BumpCount::count).average().orElse(0);
    }

    private static void writeCsv(List<TuningRow> rows, Path csv) throws IOException {
        StringBuilder sb = new StringBuilder(
                "image,passes,passes_run,sharpness,particles,mean_particles_per_bump,verdict,deblur_ms\n");
        for (TuningRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.6g,%d,%.2f,%s,%.1f%n", r.image(), r.passes(),
                    r.passesRun(), r.sharpness(), r.particles(), r.meanPerBump(), r.verdict(), r.deblurMillis()));
        }
        Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
    }
}
