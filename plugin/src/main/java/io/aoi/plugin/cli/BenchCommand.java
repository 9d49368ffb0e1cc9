package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import io.aoi.config.StationConfigLoader;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.eval.EvaluationSettings;
import io.aoi.plugin.bench.BenchArm;
import io.aoi.plugin.bench.BenchRow;
import io.aoi.plugin.bench.BenchSettings;
import io.aoi.plugin.bench.BenchTable;
import io.aoi.plugin.bench.BenchTargets;
import io.aoi.plugin.bench.FrameSize;
import io.aoi.plugin.bench.LineRateBench;
import io.aoi.plugin.deblur.Deblurrers;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench [...]}: the line-rate benchmark ({@link LineRateBench}). Defaults: frames of 1024 x 512 and
 * 2048 x 1024 of the simulated ACF panel at sigma 2.5, 2 frames per size, 1 repeat; arms none, Wiener and
 * UDBD-Net ({@code udbd_acf} and {@code udbd_acf_lite}) with 1 and 3 passes, each at region bumps and region
 * frame, one round; unless {@code --station} names a file, the demo station's detector and the built-in deblur
 * settings ({@link DeblurSettings#DEFAULTS}: threads, tiles, Wiener and region margin; the arms set model, passes
 * and region). Prints
 * one markdown row per arm (and round) as it is measured, then the table and the targets.
 */
@Command(name = "bench", description = "The line-rate benchmark: deblur and detect time per frame for each model, "
        + "pass count and region on the simulated ACF panel; prints one markdown row per arm as it is measured.")
final class BenchCommand implements Callable<Integer> {
    private final Streams io;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    DeblurOptions deblurOptions;

    @Option(names = "--sizes", paramLabel = "WxH", split = ",", description = "Frame sizes. Default: ${DEFAULT-VALUE}.")
    List<String> sizes = new ArrayList<>(List.of("1024x512", "2048x1024"));

    @Option(names = "--frames", paramLabel = "N", description = "Frames per size, 1 to 100. Default: ${DEFAULT-VALUE}.")
    int frames = BenchSettings.DEFAULT_FRAMES;

    @Option(names = "--warmups", paramLabel = "N", description = "Untimed inspections of the first frame each time "
            + "an arm's deblurrer is opened, 1 to 100 (the JIT compiles the Java side over the first ones). Default: "
            + "${DEFAULT-VALUE}.")
    int warmups = BenchSettings.DEFAULT_WARMUPS;

    @Option(names = "--repeats", paramLabel = "N", description = "Repeats per size and arm, 1 to 100. Default: "
            + "${DEFAULT-VALUE}.")
    int repeats = BenchSettings.DEFAULT_REPEATS;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds per size, 1 to 100: every arm is measured once "
            + "per round, round after round; the targets take each round's ratio to its own Wiener row and give the "
            + "median over the rounds. Default: ${DEFAULT-VALUE}.")
    int rounds = BenchSettings.DEFAULT_ROUNDS;

    @Option(names = "--sigma", paramLabel = "PX", description = "Defocus sigma of the frames. Default: "
            + "${DEFAULT-VALUE}.")
    double sigma = BenchSettings.DEFAULT_DEFOCUS_SIGMA_PX;

    @Option(names = "--noise", paramLabel = "F", description = "Sensor noise sigma. Default: ${DEFAULT-VALUE}.")
    double noise = BenchSettings.DEFAULT_NOISE_SIGMA;

    @Option(names = "--seed", paramLabel = "S", description = "Simulator seed. Default: ${DEFAULT-VALUE}.")
    int seed = (int) BenchSettings.DEFAULT_SEED;

    @Option(names = "--models", paramLabel = "NAME", split = ",", description = "Models to time, of "
            + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.", completionCandidates = InstalledModels.class)
    List<String> models = new ArrayList<>(List.of("none", "wiener", "udbd_acf", "udbd_acf_lite"));

    @Option(names = "--passes", paramLabel = "N", split = ",", defaultValue = "1,3", description = "Pass counts of "
            + "iterative models (UDBD-Net), 1 to 3. Default: ${DEFAULT-VALUE}.")
    List<Double> passes;

    @Option(names = "--regions", paramLabel = "REGION", split = ",", description = "Regions restored, of "
            + "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.", completionCandidates = EnumNames.Regions.class)
    List<String> regions = new ArrayList<>(List.of("bumps", "frame"));

    @Option(names = "--region-margin", paramLabel = "PX", description = "Context around each bump, 0 to 256. "
            + "Default: the station's, else ${DEFAULT-VALUE}.")
    int regionMarginPx = DeblurSettings.DEFAULTS.policy().regionMarginPx();

    @Option(names = "--out", paramLabel = "FILE.md", description = "Also write the table here.")
    Path outFile;

    BenchCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        DeblurSettings base = deblurOptions.read();
        DeblurSettings deblur;
        try {
            deblur = base.withPolicy(base.policy().withRegionMarginPx(UsageException.inRange("--region-margin",
                    spec.commandLine().getParseResult().hasMatchedOption("--region-margin") ? regionMarginPx
                            : base.policy().regionMarginPx(), 0, 256)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<Path> station = deblurOptions.station();
        DetectorSettings detector = station.isPresent()
                ? StationConfigLoader.load(station.get(), Deblurrers.names()).detector()
                : EvaluationSettings.defaultDetector();
        List<FrameSize> sizes = sizes(this.sizes);
        List<BenchArm> arms = arms(models, passes, regions);
        BenchSettings settings;
        try {
            settings = BenchSettings.builder(sizes, arms).frames(UsageException.inRange("--frames", frames, 1, 100))
                    .warmups(UsageException.inRange("--warmups", warmups, 1, 100))
                    .repeats(UsageException.inRange("--repeats", repeats, 1, 100))
                    .rounds(UsageException.inRange("--rounds", rounds, 1, 100)).defocusSigmaPx(sigma)
                    .noiseSigma(noise).seed(UsageException.inRange("--seed", seed, 0, Integer.MAX_VALUE))
                    .deblur(deblur).detector(detector).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<Path> out = Optional.ofNullable(outFile);

        String head = String.format(Locale.ROOT, "Line-rate benchmark: simulated ACF panel at sigma %.1f px, noise "
                        + "%.3f, %d frames x %d repeats per size and arm after %d warm-up(s), %d round(s), deblur "
                        + "threads %d, %s, region margin %d px; %d CPU cores, load average at start %s%n%n",
                settings.defocusSigmaPx(), settings.noiseSigma(), settings.frames(), settings.repeats(),
                settings.warmups(), settings.rounds(), deblur.threads(),
                deblur.executionProvider().name().toLowerCase(Locale.ROOT), deblur.policy().regionMarginPx(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        boolean withRounds = settings.rounds() > 1;
        io.out().print(head + BenchTable.header(withRounds));
        List<BenchRow> rows = LineRateBench.run(settings, row -> {
            io.out().print(BenchTable.row(row, withRounds));
            io.out().flush();
        });
        StringBuilder targets = new StringBuilder("\nTargets:\n");
        BenchTargets.lines(rows).forEach(line -> targets.append("- ").append(line).append('\n'));
        io.out().print(targets);
        String table = head + BenchTable.render(rows) + targets;
        if (out.isPresent()) {
            Path parent = out.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out.get(), table, StandardCharsets.UTF_8);
            io.out().println("written to " + out.get());
        }
        return 0;
    }

    static List<FrameSize> sizes(List<String> words) throws UsageException {
        List<FrameSize> out = new ArrayList<>();
        for (String w : words) {
            String[] parts = w.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException(w);
                }
                out.add(new FrameSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
            } catch (NumberFormatException e) {
                throw new UsageException("--sizes '" + w + "' is not WIDTHxHEIGHT, e.g. 1024x512");
            } catch (IllegalArgumentException e) {
                throw new UsageException("--sizes " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Every model at every pass count when it is iterative (UDBD-Net), else once; at every region when it restores
     * regions, else on the whole frame (none).
     */
    static List<BenchArm> arms(List<String> models, List<Double> passes, List<String> regions) throws UsageException {
        for (double p : passes) { // checked whether or not a model uses them
            UsageException.passCount(p);
        }
        List<BenchArm> out = new ArrayList<>();
        for (String m : models) {
            DeblurModel model = DeblurOptions.model("--models", m);
            ModelNeeds needs;
            try {
                needs = Deblurrers.needs(model);
            } catch (DeblurException e) {
                throw new UsageException(e.getMessage());
            }
            for (double p : needs.iterative() ? passes : List.of(1.0)) {
                int passCount = UsageException.passCount(p);
                for (String r : needs.restoresRegions() ? regions : List.of("frame")) {
                    try {
                        out.add(new BenchArm(model, passCount, DeblurOptions.parse(DeblurRegion.class, "--regions",
                                r)));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
