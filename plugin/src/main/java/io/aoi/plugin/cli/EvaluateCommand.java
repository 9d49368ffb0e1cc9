package io.aoi.plugin.cli;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.DetectorSettings;
import io.aoi.config.StationConfigLoader;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.motion.MotionDeblurrer;
import io.aoi.deblur.region.RegionDeblurrer;
import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.detect.BumpLocator;
import io.aoi.eval.DetectionEvaluation;
import io.aoi.eval.DetectorVariant;
import io.aoi.eval.EvaluationArm;
import io.aoi.eval.EvaluationReport;
import io.aoi.eval.EvaluationSettings;
import io.aoi.eval.MotionEvaluation;
import io.aoi.eval.MotionRow;
import io.aoi.eval.plot.EvaluationPlots;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.progress.Progress;
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
 * file, threads and tiles come from that station file; {@code --model-file} names another ONNX file. With
 * {@code --region} every deblurring arm (the fixed-sigma Wiener and the UDBD-Net passes) runs a second time
 * restoring only the bumps ({@code region: bumps}, found on the blurred frame by {@link BumpLocator} with the
 * detector's settings, {@code --region-margin} px of context, default the station's); {@code --passes} limits the
 * UDBD-Net pass counts. {@code --shear-deg} renders the frames with another DIC shear direction;
 * {@code --shear-arms} runs every arm with the detector at the true direction, off by 30, 90 and 180 degrees, and
 * estimating it per frame (auto).
 */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String synopsis() {
        return "evaluate [--udbd] [--model udbd|udbd_acf] [--passes 1,2,3] [--region] [--region-margin PX] [--motion] [--motion-lengths 4,8,16] [--station FILE] [--frames N] [--width PX] [--height PX] [--seed S]"
                + " [--sigmas 0,1,2,2.5,3,4] [--noise F] [--particles-per-bump N] [--bit-depth 8|16]"
                + " [--min-contrast F] [--station-sigma PX] [--nsr F] [--model-file FILE.onnx]"
                + " [--shear-deg A] [--shear-arms] [--out FILE.md] [--plot DIR]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("udbd", "motion", "region", "shear-arms");
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
        boolean region = args.flag("region");
        boolean shearArms = args.flag("shear-arms");
        double shearDeg = number(args, "shear-deg", 0);
        List<Double> passCounts = numbers(args, "passes", List.of(1.0, 2.0, 3.0));
        for (double p : passCounts) {
            if (p != Math.rint(p) || p < 1 || p > DeblurSettings.MAX_ITERATIONS) {
                throw new UsageException("--passes " + p + " is not allowed; allowed: whole numbers from 1 to "
                        + DeblurSettings.MAX_ITERATIONS);
            }
        }
        List<Double> motionLengths = numbers(args, "motion-lengths", MotionEvaluation.DEFAULT_LENGTHS_PX);
        DeblurSettings udbdSettings = udbdSettings(args);
        int regionMarginPx = args.intOption("region-margin", udbdSettings.policy().regionMarginPx(), 0, 256);
        Optional<Path> out = args.option("out").map(Path::of);
        Optional<Path> plotDir = args.option("plot").map(Path::of);
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
        BumpLocator bumps = new BumpLocator(settings.detector());
        long t0 = System.nanoTime();
        EvaluationReport report;
        try (RegionDeblurrer wienerBumps = new RegionDeblurrer(new WienerDeblurrer(wiener), bumps, regionMarginPx)) {
            if (region) {
                arms.add(EvaluationArm.deblurred(arms.get(arms.size() - 1).label() + " bumps", wienerBumps, 1));
            }
            if (udbd) {
                try (Deblurrer model = Deblurrers.open(udbdSettings);
                        // shares the model; closing both closes it once
                        RegionDeblurrer modelBumps = new RegionDeblurrer(model, bumps, regionMarginPx)) {
                    for (double p : passCounts) {
                        int passes = (int) p;
                        arms.add(EvaluationArm.deblurred(model.name() + " x" + passes, model, passes));
                        if (region) {
                            arms.add(EvaluationArm.deblurred(model.name() + " x" + passes + " bumps", modelBumps,
                                    passes));
                        }
                    }
                    report = evaluate(settings, arms, variants);
                }
            } else {
                report = evaluate(settings, arms, variants);
            }
        }
        String markdown = report.toMarkdown();
        System.out.print(markdown);
        List<MotionRow> motionRows = List.of();
        if (motion) {
            try (MotionDeblurrer model = MotionDeblurrer.open(motionSettings(udbdSettings))) {
                motionRows = MotionEvaluation.run(settings, motionLengths, model);
                String table = "\nMotion blur along y (no defocus), 3-frame motion deblurrer on the contiguous"
                        + " neighbours:\n\n" + MotionEvaluation.toMarkdown(motionRows);
                System.out.print(table);
                markdown += table;
            }
        }
        System.out.printf("%nevaluated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (out.isPresent()) {
            writeMarkdown(out.get(), markdown);
            System.out.println("written to " + out.get());
        }
        if (plotDir.isPresent()) {
            for (Path png : EvaluationPlots.write(report, motionRows, plotDir.get())) {
                System.out.println("plot written to " + png);
            }
        }
        return 0;
    }

    private static EvaluationReport evaluate(EvaluationSettings settings, List<EvaluationArm> arms,
            List<DetectorVariant> variants) throws DeblurException {
        try (Progress progress = Progress.start("evaluate", DetectionEvaluation.steps(settings, arms), System.err)) {
            return DetectionEvaluation.run(settings, arms, variants, progress);
        }
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
                    s.tileSizePx(), s.tileOverlapPx(), s.modelFile(), s.wienerSigmaPx(), s.wienerNoiseToSignal(),
                    s.policy());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static double number(Args args, String name, double fallback) throws UsageException {
        return args.number(name, fallback);
    }

    private static List<Double> numbers(Args args, String name, List<Double> fallback) throws UsageException {
        return args.numbers(name, fallback);
    }
}
