package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code evaluate [...]}: renders simulated frames with ground truth at several defocus sigmas and prints
 * precision, recall, F1 and bump-verdict accuracy of the detector for: sharp frames, blurred frames, the Wiener
 * baseline, and with {@code --udbd} UDBD-Net after 1, 2 and 3 passes (the station's UDBD-Net, by default
 * {@code udbd_acf}; {@code --model udbd_acf_lite} picks the demo station's, {@code --model udbd} the general
 * model). Detector thresholds are the same for every arm. With {@code --motion} it also scores the motion
 * deblurrer on motion-blurred frames ({@link MotionEvaluation}). With {@code --station} the detector settings
 * and, for the UDBD-Net arms, the deblur section's model file, threads and tiles come from that station file;
 * {@code --model-file} names another ONNX file. With {@code --region} every deblurring arm (the fixed-sigma Wiener and the UDBD-Net passes) runs a second time
 * restoring only the bumps ({@code region: bumps}, found on the blurred frame by {@link BumpLocator} with the
 * detector's settings, {@code --region-margin} px of context, default the station's); {@code --passes} limits the
 * UDBD-Net pass counts. {@code --shear-deg} renders the frames with another DIC shear direction;
 * {@code --shear-arms} runs every arm with the detector at the true direction, off by 30, 90 and 180 degrees, and
 * estimating it per frame (auto). {@code --contrast-noise-factor} sets the detector's contrast noise factor, or with
 * several values runs every arm with one detector per factor.
 */
@Command(name = "evaluate", description = "Scores the detector on simulated frames with ground truth at several "
        + "defocus sigmas: sharp, blurred, Wiener and, with --udbd, UDBD-Net after each pass count.")
final class EvaluateCommand implements Callable<Integer> {
    private static final EvaluationSettings D = EvaluationSettings.defaults();
    /** The option that sets each settings field the records may refuse, for the refusal's message. */
    private static final Map<String, String> OPTIONS_BY_FIELD = Map.ofEntries(Map.entry("frames", "--frames"),
            Map.entry("widthPx", "--width"), Map.entry("heightPx", "--height"),
            Map.entry("defocusSigmasPx", "--sigmas"), Map.entry("noiseSigma", "--noise"),
            Map.entry("particlesPerBump", "--particles-per-bump"), Map.entry("bitDepth", "--bit-depth"),
            Map.entry("shearAngleDeg", "--shear-deg"), Map.entry("minContrast", "--min-contrast"),
            Map.entry("contrastNoiseFactor", "--contrast-noise-factor"),
            Map.entry("wienerSigmaPx", "--station-sigma"), Map.entry("wienerNoiseToSignal", "--nsr"));
    private final Streams io;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Mixin
    DeblurOptions deblur;

    @Option(names = "--udbd", description = "Also score UDBD-Net (the station's, else udbd_acf; --model udbd picks "
            + "the general model) after each of --passes.")
    boolean udbd;

    @Option(names = "--passes", paramLabel = "N", split = ",",
            description = "UDBD-Net pass counts, 1 to 3. Default: ${DEFAULT-VALUE}.")
    List<Integer> passes = new ArrayList<>(List.of(1, 2, 3));

    @Option(names = "--region", description = "Run every deblurring arm a second time restoring only the bumps.")
    boolean region;

    @Option(names = "--region-margin", paramLabel = "PX",
            description = "Context around each bump with --region, 0 to 256. Default: the station's, else "
                    + "${DEFAULT-VALUE}.")
    int regionMarginPx = DeblurSettings.DEFAULTS.policy().regionMarginPx();

    @Option(names = "--motion", description = "Also score the motion deblurrer on motion-blurred frames.")
    boolean motion;

    @Option(names = "--motion-lengths", paramLabel = "PX", split = ",",
            description = "Motion blur lengths with --motion. Default: ${DEFAULT-VALUE}.")
    List<Double> motionLengths = new ArrayList<>(MotionEvaluation.DEFAULT_LENGTHS_PX);

    @Option(names = "--frames", paramLabel = "N", description = "Frames per sigma, 1 to 1000. Default: "
            + "${DEFAULT-VALUE}.")
    int frames = D.frames();

    @Option(names = "--width", paramLabel = "PX", description = "Frame width, 64 to 16384. Default: ${DEFAULT-VALUE}.")
    int widthPx = D.widthPx();

    @Option(names = "--height", paramLabel = "PX", description = "Frame height, 64 to 8192. Default: "
            + "${DEFAULT-VALUE}.")
    int heightPx = D.heightPx();

    @Option(names = "--seed", paramLabel = "S", description = "Simulator seed. Default: ${DEFAULT-VALUE}.")
    int seed = (int) D.seed();

    @Option(names = "--sigmas", paramLabel = "PX", split = ",",
            description = "Defocus sigmas, 0 to 8. Default: ${DEFAULT-VALUE}.")
    List<Double> sigmas = new ArrayList<>(D.defocusSigmasPx());

    @Option(names = "--noise", paramLabel = "F", description = "Sensor noise sigma (fraction of full scale). "
            + "Default: ${DEFAULT-VALUE}.")
    double noise = D.noiseSigma();

    @Option(names = "--particles-per-bump", paramLabel = "N", description = "Mean particles per bump. Default: "
            + "${DEFAULT-VALUE}.")
    double particlesPerBump = D.particlesPerBump();

    @Option(names = "--bit-depth", paramLabel = "BITS", description = "8 or 16. Default: ${DEFAULT-VALUE}.")
    int bitDepth = D.bitDepth();

    @Option(names = "--min-contrast", paramLabel = "F", description = "Detector contrast threshold. Default: the "
            + "station's, else ${DEFAULT-VALUE}.")
    double minContrast = D.detector().minContrast();

    @Option(names = "--contrast-noise-factor", paramLabel = "K", split = ",",
            description = "Contrast threshold as a multiple of the frame's measured amplitude noise (0 = minContrast "
                    + "alone), 0 to 50; several values run every arm with one detector each. Default: the station's, "
                    + "else ${DEFAULT-VALUE}.")
    List<Double> contrastNoiseFactors = new ArrayList<>(List.of(D.detector().contrastNoiseFactor()));

    @Option(names = "--station-sigma", paramLabel = "PX", description = "The Wiener arm's fixed sigma. Default: "
            + "${DEFAULT-VALUE}.")
    double stationSigma = DetectionEvaluation.DEFAULT_STATION_SIGMA_PX;

    @Option(names = "--nsr", paramLabel = "F", description = "The Wiener arm's noise-to-signal ratio. Default: "
            + "${DEFAULT-VALUE}.")
    double nsr = DetectionEvaluation.DEFAULT_NOISE_TO_SIGNAL;

    @Option(names = "--shear-deg", paramLabel = "DEG", description = "DIC shear direction of the rendered frames. "
            + "Default: ${DEFAULT-VALUE}.")
    double shearDeg = 0;

    @Option(names = "--shear-arms", description = "Run every arm with the detector at the true direction, off by 30, "
            + "90 and 180 degrees, and estimating it per frame.")
    boolean shearArms;

    @Option(names = "--out", paramLabel = "FILE.md", description = "Also write the tables here.")
    Path out;

    @Option(names = "--plot", paramLabel = "DIR", description = "Write the PNG plots here.")
    Path plotDir;

    EvaluateCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        DetectorSettings detector = D.detector();
        Optional<Path> station = deblur.station();
        if (station.isPresent()) {
            detector = StationConfigLoader.load(station.get(), Deblurrers.names()).detector();
        }
        double minContrast = given("--min-contrast") ? this.minContrast : detector.minContrast();
        List<Double> factors = given("--contrast-noise-factor") ? contrastNoiseFactors
                : List.of(detector.contrastNoiseFactor());
        List<Integer> passCounts = passes;
        for (int p : passCounts) {
            UsageException.passCount(p);
        }
        DeblurSettings given = deblur.read();
        DeblurSettings udbdSettings = udbdSettings(given);
        int regionMarginPx = UsageException.inRange("--region-margin", given("--region-margin")
                ? this.regionMarginPx : udbdSettings.policy().regionMarginPx(), 0, 256);
        Optional<Path> out = Optional.ofNullable(this.out);
        Optional<Path> plotDir = Optional.ofNullable(this.plotDir);
        EvaluationSettings settings;
        DeblurSettings wiener;
        try {
            DetectorSettings tuned = detector.withMinContrast(minContrast);
            if (factors.size() == 1) {
                tuned = tuned.withContrastNoiseFactor(factors.get(0));
            }
            settings = EvaluationSettings.defaults().withFrames(UsageException.inRange("--frames", frames, 1, 1000))
                    .withWidthPx(UsageException.inRange("--width", widthPx, 64, 16384))
                    .withHeightPx(UsageException.inRange("--height", heightPx, 64, 8192))
                    .withSeed(UsageException.inRange("--seed", seed, 0, Integer.MAX_VALUE))
                    .withDefocusSigmasPx(sigmas).withNoiseSigma(noise).withParticlesPerBump(particlesPerBump)
                    .withBitDepth(bitDepth).withDetector(tuned).withShearAngleDeg(shearDeg);
            wiener = DeblurSettings.DEFAULTS.withModel(DeblurModel.WIENER).withWiener(stationSigma, nsr);
        } catch (IllegalArgumentException e) { // InvalidSettingException: named by its option
            throw UsageException.naming(e, OPTIONS_BY_FIELD);
        }

        List<EvaluationArm> arms = new ArrayList<>(DetectionEvaluation.standardArms(wiener.wienerSigmaPx(),
                wiener.wienerNoiseToSignal()));
        List<DetectorVariant> variants = shearArms ? DetectorVariant.shearArms(settings.detector(), shearDeg)
                : List.of(new DetectorVariant("", settings.detector()));
        if (factors.size() > 1) {
            try {
                variants = DetectorVariant.contrastNoiseFactorArms(variants, factors);
            } catch (IllegalArgumentException e) { // InvalidSettingException: a factor out of range
                throw UsageException.naming(e, OPTIONS_BY_FIELD);
            }
        }
        BumpLocator bumps = new BumpLocator(settings.detector());
        long t0 = System.nanoTime();
        EvaluationReport report;
        try (RegionDeblurrer wienerBumps = new RegionDeblurrer(new WienerDeblurrer(wiener), bumps, regionMarginPx)) {
            if (region) {
                arms.add(EvaluationArm.deblurred(arms.get(arms.size() - 1).label() + " bumps", wienerBumps, 1));
            }
            if (udbd) {
                // the evaluation turns the frames of a model trained on one shear direction itself, per detector
                OptionalDouble trained = Deblurrers.needs(udbdSettings.model()).shearDirectionDeg();
                try (Deblurrer model = Deblurrers.open(udbdSettings);
                        // shares the model; closing both closes it once
                        RegionDeblurrer modelBumps = new RegionDeblurrer(model, bumps, regionMarginPx)) {
                    for (int passes : passCounts) {
                        arms.add(EvaluationArm.deblurred(model.name() + " x" + passes, model, passes, trained));
                        if (region) {
                            arms.add(EvaluationArm.deblurred(model.name() + " x" + passes + " bumps", modelBumps,
                                    passes, trained));
                        }
                    }
                    report = evaluate(settings, arms, variants);
                }
            } else {
                report = evaluate(settings, arms, variants);
            }
        }
        String markdown = report.toMarkdown();
        io.out().print(markdown);
        List<MotionRow> motionRows = List.of();
        if (motion) {
            try (MotionDeblurrer model = MotionDeblurrer.open(motionSettings(given))) {
                motionRows = MotionEvaluation.run(settings, motionLengths, model);
                String table = "\nMotion blur along y (no defocus), 3-frame motion deblurrer on the contiguous"
                        + " neighbours:\n\n" + MotionEvaluation.toMarkdown(motionRows);
                io.out().print(table);
                markdown += table;
            }
        }
        io.out().printf("%nevaluated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        if (out.isPresent()) {
            writeMarkdown(out.get(), markdown);
            io.out().println("written to " + out.get());
        }
        if (plotDir.isPresent()) {
            for (Path png : EvaluationPlots.write(report, motionRows, plotDir.get())) {
                io.out().println("plot written to " + png);
            }
        }
        return 0;
    }

    private EvaluationReport evaluate(EvaluationSettings settings, List<EvaluationArm> arms,
            List<DetectorVariant> variants) throws DeblurException {
        try (Progress progress = Progress.start("evaluate", DetectionEvaluation.steps(settings, arms), io.err())) {
            return DetectionEvaluation.run(settings, arms, variants, progress);
        }
    }

    /** The motion arm's model: the shipped one, or {@code --model-file} when {@code --model} is motion. */
    private static DeblurSettings motionSettings(DeblurSettings s) {
        return s.with(DeblurModel.MOTION, 1);
    }

    private static void writeMarkdown(Path file, String markdown) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
    }

    /**
     * The UDBD-Net arms' settings: those of {@code --station} (else {@link DeblurSettings#DEFAULTS}) with
     * {@code --model} and {@code --model-file} on top; a model that is not iterative is replaced by the default
     * UDBD-Net, without its file.
     */
    private static DeblurSettings udbdSettings(DeblurSettings s) throws UsageException, DeblurException {
        if (Deblurrers.needs(s.model()).iterative()) {
            return s;
        }
        try {
            return s.withModel(DeblurSettings.DEFAULTS.model());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
