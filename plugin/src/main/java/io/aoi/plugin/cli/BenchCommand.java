package io.aoi.plugin.cli;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import io.aoi.config.StationConfigLoader;
import io.aoi.eval.EvaluationSettings;
import io.aoi.plugin.bench.BenchArm;
import io.aoi.plugin.bench.BenchRow;
import io.aoi.plugin.bench.BenchSettings;
import io.aoi.plugin.bench.BenchTable;
import io.aoi.plugin.bench.LineRateBench;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code bench [...]}: the line-rate benchmark ({@link LineRateBench}). Defaults: frames of 1024 x 512 and
 * 2048 x 1024 of the simulated ACF panel at sigma 2.5, 2 frames per size, 1 repeat; arms none, Wiener and
 * UDBD-Net ({@code udbd_acf}) with 1 and 3 passes, each at region bumps and region frame; the demo station's
 * detector and deblur settings unless {@code --station} names a file. Prints one markdown row per arm as it is
 * measured, then the table.
 */
final class BenchCommand implements Command {
    private static final List<String> DEFAULT_MODELS = List.of("none", "wiener", "udbd_acf");

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String synopsis() {
        return "bench [--sizes 1024x512,2048x1024] [--frames N] [--repeats N] [--sigma PX] [--noise F] [--seed S]"
                + " [--models none,wiener,udbd_acf] [--passes 1,3] [--regions bumps,frame] [--region-margin PX] [--station FILE]"
                + " [--threads N] [--provider cpu|cuda] [--model-file FILE.onnx] [--out FILE.md]";
    }

    @Override
    public int run(Args args) throws Exception {
        DeblurSettings base = DeblurOptions.read(args);
        DeblurSettings deblur;
        try {
            deblur = base.withPolicy(base.policy().withRegionMarginPx(args.intOption("region-margin",
                    base.policy().regionMarginPx(), 0, 256)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<String> station = args.option("station");
        DetectorSettings detector = station.isPresent()
                ? StationConfigLoader.load(Path.of(station.get())).detector()
                : EvaluationSettings.defaultDetector();
        List<int[]> sizes = sizes(args.words("sizes", List.of("1024x512", "2048x1024")));
        List<BenchArm> arms = arms(args.words("models", DEFAULT_MODELS), args.numbers("passes", List.of(1.0, 3.0)),
                args.words("regions", List.of("bumps", "frame")));
        BenchSettings settings;
        try {
            settings = new BenchSettings(sizes, args.intOption("frames", 2, 1, 100),
                    args.intOption("repeats", 1, 1, 100), args.number("sigma", 2.5), args.number("noise", 0.01),
                    args.intOption("seed", 1024, 0, Integer.MAX_VALUE), arms, deblur, detector);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<Path> out = args.option("out").map(Path::of);
        args.requireAllUsed();

        String head = String.format(Locale.ROOT, "Line-rate benchmark: simulated ACF panel at sigma %.1f px, noise "
                        + "%.3f, %d frames x %d repeats per size and arm, deblur threads %d, %s, region margin %d px; "
                        + "%d CPU cores, load average at start %s%n%n", settings.defocusSigmaPx(),
                settings.noiseSigma(), settings.frames(), settings.repeats(), deblur.threads(),
                deblur.executionProvider().name().toLowerCase(Locale.ROOT), deblur.policy().regionMarginPx(),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.print(head + BenchTable.header());
        List<BenchRow> rows = LineRateBench.run(settings, row -> {
            System.out.print(BenchTable.row(row));
            System.out.flush();
        });
        String table = head + BenchTable.render(rows);
        if (out.isPresent()) {
            Path parent = out.get().toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(out.get(), table, StandardCharsets.UTF_8);
            System.out.println("written to " + out.get());
        }
        return 0;
    }

    static List<int[]> sizes(List<String> words) throws UsageException {
        List<int[]> out = new ArrayList<>();
        for (String w : words) {
            String[] parts = w.toLowerCase(Locale.ROOT).split("x");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException(w);
                }
                out.add(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
            } catch (NumberFormatException e) {
                throw new UsageException("--sizes '" + w + "' is not WIDTHxHEIGHT, e.g. 1024x512");
            }
        }
        return out;
    }

    /** Every model at every region; UDBD-Net at every pass count; none once. */
    static List<BenchArm> arms(List<String> models, List<Double> passes, List<String> regions) throws UsageException {
        List<BenchArm> out = new ArrayList<>();
        for (String m : models) {
            DeblurModel model = DeblurOptions.parse(DeblurModel.class, "--models", m);
            if (model == DeblurModel.NONE) {
                out.add(new BenchArm(model, 1, DeblurRegion.FRAME));
                continue;
            }
            for (double p : model.isUdbd() ? passes : List.of(1.0)) {
                if (p != Math.rint(p)) {
                    throw new UsageException("--passes " + p + " is not allowed; allowed: whole numbers from 1 to 3");
                }
                for (String r : regions) {
                    try {
                        out.add(new BenchArm(model, (int) p, DeblurOptions.parse(DeblurRegion.class, "--regions", r)));
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
