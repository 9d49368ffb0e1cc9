package io.aoi.eval;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.Check;
import io.aoi.detect.DirectionEstimate;
import io.aoi.detect.ParticleDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints how well the auto-mode detector reads the DIC shear direction of single frames: the frames
 * {@code evaluate} renders (same simulator, same lines), at each shear direction, defocus sigma and seed, each read
 * on its own with the demo station's detector ({@link ParticleDetector#estimateDirection}). Per sigma: the rms,
 * 90th percentile and largest error, the mean error (a bias), and the median count of particles a frame's estimate
 * rests on; then the mean error per direction. A frame without an estimate is counted, not scored.
 */
@Command(name = "DirectionAccuracy", description = "Error of the shear direction read from single simulated frames "
        + "per defocus sigma: rms, 90th percentile, largest, mean (bias), particles per frame.")
public final class DirectionAccuracy implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--angles", paramLabel = "DEG", split = ",", description = "Shear directions the frames are "
            + "rendered with, -360 to 360. Default: ${DEFAULT-VALUE}.")
    List<Double> anglesDeg = new ArrayList<>(List.of(0.0, 20.0, 45.0, 52.0, 60.0, 75.0));

    @Option(names = "--sigmas", paramLabel = "PX", split = ",", description = "Defocus sigmas, 0 to 8. Default: "
            + "${DEFAULT-VALUE}.")
    List<Double> sigmasPx = new ArrayList<>(List.of(0.0, 2.5, 3.0, 4.0));

    @Option(names = "--seeds", paramLabel = "S", split = ",", description = "Simulator seeds. Default: "
            + "${DEFAULT-VALUE}.")
    List<Long> seeds = new ArrayList<>(List.of(1024L, 77L));

    @Option(names = "--frames", paramLabel = "N", description = "Frames per direction, sigma and seed, 1 to 1000. "
            + "Default: ${DEFAULT-VALUE}.")
    int frames = 8;

    private DirectionAccuracy() {
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new DirectionAccuracy(), args));
    }

    @Override
    public Integer call() {
        EvaluationSettings base = EvaluationSettings.defaults().withFrames(frames).withDefocusSigmasPx(sigmasPx);
        ParticleDetector detector = new ParticleDetector(base.detector());
        int h = base.heightPx();
        System.out.printf(Locale.ROOT, "%d frames of %d x %d per direction, sigma and seed (seeds %s), noise %.3f;"
                + " directions %s degrees%n", frames, base.widthPx(), h, seeds, base.noiseSigma(), anglesDeg);
        for (double sigma : sigmasPx) {
            List<Double> errors = new ArrayList<>();
            List<Integer> particles = new ArrayList<>();
            StringBuilder perAngle = new StringBuilder();
            int unread = 0;
            for (double angle : anglesDeg) {
                List<Double> angleErrors = new ArrayList<>();
                for (long seed : seeds) {
                    PanelSimulator simulator = DetectionEvaluation.simulator(base.withSeed(seed)
                            .withShearAngleDeg(angle));
                    for (int n = 0; n < frames; n++) {
                        DirectionEstimate e = detector.estimateDirection(simulator.frame(
                                DetectionEvaluation.FIRST_LINE + (long) n * h, h, sigma, 0, base.noiseSigma()).image());
                        if (Double.isNaN(e.angleDeg())) {
                            unread++;
                        } else {
                            angleErrors.add(Math.IEEEremainder(e.angleDeg() - angle, 360));
                            particles.add(e.particles());
                        }
                    }
                }
                errors.addAll(angleErrors);
                perAngle.append(String.format(Locale.ROOT, " %s: %+.2f", Check.number(angle), mean(angleErrors)));
            }
            System.out.println(summary(sigma, errors, particles, unread) + "; mean error by direction:" + perAngle);
        }
        return 0;
    }

    private static String summary(double sigma, List<Double> errors, List<Integer> particles, int unread) {
        if (errors.isEmpty()) {
            return "sigma " + Check.number(sigma) + ": no frame gave an estimate (" + unread + " frames)";
        }
        double[] abs = errors.stream().mapToDouble(Math::abs).sorted().toArray();
        double rms = Math.sqrt(errors.stream().mapToDouble(e -> e * e).average().getAsDouble());
        int[] counts = particles.stream().mapToInt(Integer::intValue).sorted().toArray();
        return String.format(Locale.ROOT, "sigma %s: rms error %.2f deg, 90th percentile %.2f, largest %.1f, "
                + "mean %+.2f, median %d particles per frame, %d frames without an estimate", Check.number(sigma), rms,
                abs[(int) Math.floor(0.9 * (abs.length - 1))], abs[abs.length - 1], mean(errors),
                counts[counts.length / 2], unread);
    }

    /** The mean of {@code values}, NaN for none. */
    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
