package io.aoi.plugin.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.aoi.cli.HelpOption;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigLoader;
import io.aoi.detect.Detection;
import io.aoi.detect.OverlayRenderer;
import io.aoi.image.DecodedImage;
import io.aoi.image.ImageFiles;
import io.aoi.image.ImageLimits;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.progress.Progress;
import io.aoi.station.InspectionReport;
import io.aoi.station.Inspector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code inspect --station FILE --out results.json [--overlay DIR] [--max-megapixels N] IMAGE...}: deblurs and
 * inspects image files with a station's settings.
 *
 * <p>Checked before any work: {@code --out} is not a folder (its folder is created), {@code --overlay} is not a
 * file, and with overlays no two inputs share a file name. Then per image: one that is missing, larger than the
 * size limit (from its header), or cannot be read or inspected gets an {@code error} entry and the others go on;
 * what reading left out (alpha channel, later TIFF pages) is listed under {@code warnings} and printed on stderr.
 * The overlay of {@code x.png} is {@code x.png-overlay.png}. The exit code is 1 when any image failed. An image
 * the station cannot judge (blank, no bumps, a deblurrer output that is not finite...) gets verdict
 * {@code NO_DECISION} and a {@code reason}; it is not a failure. Progress (one step per image, with an ETA) goes
 * to stderr.
 */
@Command(name = "inspect", description = "Deblurs and inspects image files with a station's settings; writes one "
        + "JSON entry per image.")
final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Streams io;

    @Mixin
    HelpOption help;

    @Option(names = "--station", paramLabel = "FILE", required = true, description = "The station file.")
    Path stationFile;

    @Option(names = "--out", paramLabel = "FILE.json", required = true, description = "The results file to write.")
    Path out;

    @Option(names = "--overlay", paramLabel = "DIR",
            description = "Also write each image's overlay (particles and bump verdicts) here as x.png-overlay.png.")
    Path overlay;

    @Mixin
    ImageLimitOption limit;

    @Parameters(paramLabel = "IMAGE", arity = "1..*", description = "Image files (PNG, TIFF...), 8 or 16 bit.")
    List<Path> inputs;

    InspectCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        StationConfig station = StationConfigLoader.load(stationFile, Deblurrers.names());
        Optional<Path> overlayDir = Optional.ofNullable(overlay);
        ImageLimits limits = limit.limits();
        ImageInputs.prepareFile(out, "out");
        if (overlayDir.isPresent()) {
            ImageInputs.requireDistinctNames(inputs, "overlays");
            ImageInputs.prepareFolder(overlayDir.get(), "overlay");
        }
        List<InspectOutputJson.Image> images = new ArrayList<>();
        String deblurModel;
        int passes;
        int failed = 0;
        // as the station runs: only the bumps are restored when its deblur section says region: bumps
        try (Inspector inspector = Inspector.open(station);
                Progress progress = Progress.start("inspect", inputs.size(), io.err())) {
            deblurModel = inspector.deblurModel();
            passes = inspector.passes();
            for (Path in : inputs) {
                List<String> warnings = List.of();
                InspectOutputJson.Judgement judgement = null;
                String error = null;
                try {
                    DecodedImage decoded = ImageFiles.read(in, limits);
                    warnings = warn(in, decoded.warnings());
                    InspectionReport report = inspector.inspect(decoded.image());
                    if (report.restored().isEmpty()) {
                        judgement = InspectOutputJson.Judgement.undetected(report.verdict(), report.reason());
                        io.out().printf("%s: %s (%s)%n", in.getFileName(), report.verdict(), report.reason());
                        continue;
                    }
                    Detection d = report.detection();
                    judgement = InspectOutputJson.Judgement.of(d, report.deblurMillis(), report.detectMillis());
                    if (overlayDir.isPresent()) {
                        ImageFiles.write(OverlayRenderer.render(report.restored().get(), d), overlayDir.get()
                                .resolve(ImageInputs.derivedName(in, "overlay.png")));
                    }
                    io.out().printf("%s: %s, %d particles, %d bumps%s%n", in.getFileName(), d.verdict(),
                            d.particles().size(), d.bumps().size(), d.reason().isEmpty() ? "" : " (" + d.reason() + ")");
                } catch (Exception e) {
                    failed++;
                    error = e instanceof IOException ioe ? ImageInputs.readFailure(in, ioe)
                            : e.getMessage() != null ? e.getMessage() : e.toString();
                    io.err().printf("%s: %s%n", in.getFileName(), error);
                } finally {
                    images.add(new InspectOutputJson.Image(in.getFileName().toString(), warnings, judgement, error));
                    progress.step();
                }
            }
        }
        JSON.writeValue(out.toFile(), new InspectOutputJson(station.stationId(), images, deblurModel, passes));
        io.out().printf("%d image(s), %d failed -> %s%n", inputs.size(), failed, out);
        return failed == 0 ? 0 : 1;
    }

    /** Prints what reading left out on stderr; returns it for the entry. */
    private List<String> warn(Path in, List<String> warnings) {
        for (String w : warnings) {
            io.err().printf("%s: warning: %s%n", in, w);
        }
        return warnings;
    }
}
