package io.aoi.eval;

import io.aoi.config.DetectorSettings;
import io.aoi.config.InvalidSettingException;
import io.aoi.deblur.DeblurException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the evaluation's command line, runs the standard arms and prints the markdown table.
 * Exit codes: 0 done, 1 the evaluation failed, 2 bad arguments.
 */
public final class EvaluationCommand {
    /** Wiener sigma a station would configure for its nominal defocus. */
    public static final double DEFAULT_STATION_SIGMA_PX = 2.5;
    /**
     * Wiener noise-to-signal ratio used by both Wiener arms unless given: the best F1 at sigma 2.5 among
     * 0.001, 0.01, 0.02, 0.03, 0.05, 0.1 and 0.3 on one default frame with noise 0.01.
     */
    public static final double DEFAULT_NOISE_TO_SIGNAL = 0.03;

    private EvaluationCommand() {
    }

    public static String usage() {
        return """
                usage: evaluate [--frames N] [--width PX] [--height PX] [--seed S] [--sigmas 0,1,2,2.5,3,4]
                                [--noise F] [--particles-per-bump N] [--bit-depth 8|16] [--min-contrast F]
                                [--station-sigma PX] [--nsr F] [--out FILE.md]
                defaults: 4 frames of 1024 x 512, seed 1024, noise 0.01, 12 particles per bump, 8 bit,
                          min contrast 0.04, station sigma 2.5, nsr 0.03""";
    }

    /** Runs with {@code args}; prints the table to {@code out} and problems to {@code err}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Parsed parsed;
        try {
            parsed = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(usage());
            return 2;
        }
        if (parsed == null) {
            out.println(usage());
            return 0;
        }
        try {
            long start = System.nanoTime();
            EvaluationReport report = DetectionEvaluation.run(parsed.settings,
                    DetectionEvaluation.standardArms(parsed.stationSigmaPx, parsed.noiseToSignal));
            out.print(report.toMarkdown());
            out.printf("%nevaluated in %.1f s%n", (System.nanoTime() - start) / 1e9);
            if (parsed.out.isPresent()) {
                report.writeMarkdown(parsed.out.get());
                out.println("written to " + parsed.out.get());
            }
            return 0;
        } catch (DeblurException | IOException e) {
            err.println("evaluation failed: " + e.getMessage());
            return 1;
        }
    }

    private record Parsed(EvaluationSettings settings, double stationSigmaPx, double noiseToSignal,
            Optional<Path> out) {
    }

    /** The parsed arguments, or null when help was asked for. */
    private static Parsed parse(String[] args) {
        EvaluationSettings d = EvaluationSettings.defaults();
        int frames = d.frames();
        int width = d.widthPx();
        int height = d.heightPx();
        long seed = d.seed();
        List<Double> sigmas = d.defocusSigmasPx();
        double noise = d.noiseSigma();
        double perBump = d.particlesPerBump();
        int bitDepth = d.bitDepth();
        DetectorSettings detector = d.detector();
        double minContrast = detector.minContrast();
        double stationSigma = DEFAULT_STATION_SIGMA_PX;
        double nsr = DEFAULT_NOISE_TO_SIGNAL;
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--frames" -> frames = integer(option, value);
                case "--width" -> width = integer(option, value);
                case "--height" -> height = integer(option, value);
                case "--seed" -> seed = (long) number(option, value);
                case "--sigmas" -> sigmas = numbers(option, value);
                case "--noise" -> noise = number(option, value);
                case "--particles-per-bump" -> perBump = number(option, value);
                case "--bit-depth" -> bitDepth = integer(option, value);
                case "--min-contrast" -> minContrast = number(option, value);
                case "--station-sigma" -> stationSigma = number(option, value);
                case "--nsr" -> nsr = number(option, value);
                case "--out" -> out = Optional.of(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        try {
            DetectorSettings tuned = new DetectorSettings(detector.minDiameterPx(), detector.maxDiameterPx(),
                    minContrast, detector.micronsPerPixel(), detector.illuminationAngleDeg(), detector.bumps(),
                    detector.minParticlesPerBump());
            EvaluationSettings settings = new EvaluationSettings(frames, width, height, seed, sigmas, noise,
                    perBump, bitDepth, tuned);
            if (!(stationSigma >= 0.3 && stationSigma <= 10) || !(nsr > 0 && nsr <= 1)) {
                throw new IllegalArgumentException("--station-sigma " + stationSigma + " / --nsr " + nsr
                        + "; allowed: sigma 0.3 to 10 px, nsr above 0 up to 1");
            }
            return new Parsed(settings, stationSigma, nsr, out);
        } catch (InvalidSettingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": not an integer", e);
        }
    }

    private static double number(String option, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " " + value + ": not a number", e);
        }
    }

    private static List<Double> numbers(String option, String value) {
        List<Double> out = new ArrayList<>();
        for (String part : value.split(",")) {
            out.add(number(option, part));
        }
        return out;
    }
}
