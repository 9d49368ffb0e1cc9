package io.aoi.plugin.cli;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import io.aoi.config.StationConfigLoader;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.motion.MotionDeblurrer;
import io.aoi.eval.DetectionEvaluation;
import io.aoi.eval.DetectorVariant;
import io.aoi.eval.EvaluationArm;
import io.aoi.eval.EvaluationReport;
import io.aoi.eval.EvaluationSettings;
import io.aoi.eval.MotionEvaluation;
import io.aoi.plugin.deblur.Deblurrers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code evaluate [...]}: renders simulated frames with ground truth at several defocus sigmas and prints
 * precision, recall, F1 and bump-verdict accuracy of the detector for: sharp frames, blurred frames, the Wiener
 * baseline, and with {@code --udbd} UDBD-Net after 1, 2 and 3 passes (the station's UDBD-Net, by default the
 * demo station's {@code udbd_acf}; {@code --model udbd} picks the general model). Detector thresholds are the same for
 * every arm. With {@code --motion} it also scores the motion deblurrer on motion-blurred frames
 * ({@link MotionEvaluation}). With {@code --station} the detector settings and, for the UDBD-Net arms, the deblur section's model
 * file, threads and tiles come from that station file; {@code --model-file} names another ONNX file.
 * {@code --max-passes} limits the UDBD-Net arms to x1 .. xN. {@code --shear-deg} renders the frames with another DIC shear direction; {@code --shear-arms} runs every arm
 * with the detector at the true direction, off by 30, 90 and 180 degrees, and estimating it per frame (auto).
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String synopsis() {
        return "evaluate [--udbd] [--model udbd|udbd_acf] [--motion] [--motion-lengths 4,8,16] [--station FILE] [--frames N] [--width PX] [--height PX] [--seed S]"
                + " [--sigmas 0,1,2,2.5,3,4] [--noise F] [--particles-per-bump N] [--bit-depth 8|16]"
                + " [--min-contrast F] [--station-sigma PX] [--nsr F] [--model-file FILE.onnx]"
                + " [--shear-deg A] [--shear-arms] [--max-passes 1-3] [--out FILE.md]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("udbd", "motion", "shear-arms");
    }

    @Override
    public int run(Args args) throws Exception {
        EvaluationSettings d = EvaluationSettings.defaults();
        DetectorSettings detector = d.detector();
        Optional<String> station = args.option("station");
        if (station.isPresent()) {
            detector = StationConfigLoader.load(Path.of(station.get())).detector();
        }
        double minContrast = number(args, "min-contrast", detector.minContrast());
        double stationSigma = number(args, "station-sigma", DetectionEvaluation.DEFAULT_STATION_SIGMA_PX);
        double nsr = number(args, "nsr", DetectionEvaluation.DEFAULT_NOISE_TO_SIGNAL);
        boolean udbd = args.flag("udbd");
        boolean motion = args.flag("motion");
        boolean shearArms = args.flag("shear-arms");
        int maxPasses = args.intOption("max-passes", DeblurSettings.MAX_ITERATIONS, 1, DeblurSettings.MAX_ITERATIONS);
        double shearDeg = number(args, "shear-deg", 0);
        List<Double> motionLengths = numbers(args, "motion-lengths", MotionEvaluation.DEFAULT_LENGTHS_PX);
        DeblurSettings udbdSettings = udbdSettings(args);
        Optional<Path> out = args.option("out").map(Path::of);
        EvaluationSettings settings;
        DeblurSettings wiener;
        try {
            DetectorSettings tuned = detector.withMinContrast(minContrast);
            settings = new EvaluationSettings(args.intOption("frames", d.frames(), 1, 1000),
                    args.intOption("width", d.widthPx(), 64, 16384), args.intOption("height", d.heightPx(), 64, 8192),
                    args.intOption("seed", (int) d.seed(), 0, Integer.MAX_VALUE), numbers(args, "sigmas", d.defocusSigmasPx()),
                    number(args, "noise", d.noiseSigma()), number(args, "particles-per-bump", d.particlesPerBump()),
                    args.intOption("bit-depth", d.bitDepth(), 8, 16), tuned, shearDeg);
            wiener = new DeblurSettings(DeblurModel.WIENER, 1, DeblurOptions.DEFAULTS.executionProvider(),
                    DeblurOptions.DEFAULTS.threads(), DeblurOptions.DEFAULTS.tileSizePx(),
                    DeblurOptions.DEFAULTS.tileOverlapPx(), Optional.empty(), stationSigma, nsr);
        } catch (IllegalArgumentException e) { // InvalidSettingException too
            throw new UsageException(e.getMessage());
        }
        args.requireAllUsed();

        List<EvaluationArm> arms = new ArrayList<>(DetectionEvaluation.standardArms(wiener.wienerSigmaPx(),
                wiener.wienerNoiseToSignal()));
        List<DetectorVariant> variants = shearArms ? DetectorVariant.shearArms(settings.detector(), shearDeg)
                : List.of(new DetectorVariant("", settings.detector()));
        long t0 = System.nanoTime();
        EvaluationReport report;
        if (udbd) {
            try (Deblurrer model = Deblurrers.open(udbdSettings)) {
                for (int passes = 1; passes <= maxPasses; passes++) {
                    arms.add(EvaluationArm.deblurred(model.name() + " x" + passes, model, passes));
                }
                report = DetectionEvaluation.run(settings, arms, variants);
            }
        } else {
            report = DetectionEvaluation.run(settings, arms, variants);
        }
        String markdown = report.toMarkdown();
        System.out.print(markdown);
        if (motion) {
            try (MotionDeblurrer model = MotionDeblurrer.open(motionSettings(udbdSettings))) {
                String table = "\nMotion blur along y (no defocus), 3-frame motion deblurrer on the contiguous"
                        + " neighbours:\n\n" + MotionEvaluation.toMarkdown(MotionEvaluation.run(settings,
                        motionLengths, model));
                System.out.print(table);
                markdown += table;
            }
        }
        System.out.printf("%nevaluated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (out.isPresent()) {
            writeMarkdown(out.get(), markdown);
            System.out.println("written to " + out.get());
        }
        return 0;
    }

    private static DeblurSettings motionSettings(DeblurSettings s) {
        return new DeblurSettings(DeblurModel.MOTION, 1, s.executionProvider(), s.threads(), s.tileSizePx(),
                s.tileOverlapPx(), Optional.empty(), s.wienerSigmaPx(), s.wienerNoiseToSignal());
    }

    private static void writeMarkdown(Path file, String markdown) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    /**
     * The deblur settings of {@code --station} (or the demo station's) with {@code --model} and
     * {@code --model-file} on top; a model that is no UDBD-Net is replaced by the demo station's UDBD-Net.
     */
    private static DeblurSettings udbdSettings(Args args) throws Exception {
        DeblurSettings s = DeblurOptions.read(args);
        DeblurModel model = s.model().isUdbd() ? s.model() : DeblurOptions.DEFAULTS.model();
        try {
            return new DeblurSettings(model, s.iterations(), s.executionProvider(), s.threads(),
                    s.tileSizePx(), s.tileOverlapPx(), s.modelFile(), s.wienerSigmaPx(), s.wienerNoiseToSignal());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double number(Args args, String name, double fallback) throws UsageException {
        Optional<String> v = args.option(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " '" + v.get() + "' is not a number");
        }
    }

    /** A comma-separated list of numbers, e.g. {@code --sigmas 0,2,2.5}. */
    private static List<Double> numbers(Args args, String name, List<Double> fallback) throws UsageException {
        Optional<String> v = args.option(name);
        if (v.isEmpty()) {
            return fallback;
        }
        List<Double> out = new ArrayList<>();
        for (String part : v.get().split(",")) {
            try {
                out.add(Double.parseDouble(part.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " '" + v.get() + "': '" + part + "' is not a number");
            }
        }
        return out;
    }
}
