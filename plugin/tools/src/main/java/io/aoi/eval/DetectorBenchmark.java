package io.aoi.eval;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Prints the time per frame of the particle detector and the Wiener deblurrer on simulated frames: wall time
 * (median, min, max) and the process CPU time per frame (all threads, OpenCV's own included), which a shared
 * machine disturbs less than wall time. Arguments: [width] [height] [repeats]; defaults 1024 512 10. Frames are
 * processed one at a time, after two warm-up runs; OpenCV uses its default thread count.
 */
@Command(name = "DetectorBenchmark", description = "Time per frame of the particle detector and the Wiener deblurrer "
        + "on simulated frames: wall (median, min, max) and process CPU time.")
public final class DetectorBenchmark implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WIDTH", description = "Frame width. Default: "
            + "${DEFAULT-VALUE}.")
    int width = 1024;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HEIGHT", description = "Frame height. Default: "
            + "${DEFAULT-VALUE}.")
    int height = 512;

    @Parameters(index = "2", arity = "0..1", paramLabel = "REPEATS", description = "Timed runs after two warm-ups. "
            + "Default: ${DEFAULT-VALUE}.")
    int repeats = 10;

    private DetectorBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new DetectorBenchmark(), args));
    }

    @Override
    public Integer call() throws DeblurException {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(width)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(1));
        Image sharp = simulator.frame(256, height, 0, 0, 0.01).image();
        Image blurred = simulator.frame(256, height, 2.5, 0, 0.01).image();
        ParticleDetector detector = new ParticleDetector(EvaluationSettings.defaultDetector());
        try (WienerDeblurrer wiener = new WienerDeblurrer(2.5, DetectionEvaluation.DEFAULT_NOISE_TO_SIGNAL)) {
            report("detect (sharp)", width, height, repeats, () -> detector.detect(sharp));
            report("wiener sigma 2.5", width, height, repeats, () -> wiener.deblur(blurred, 1));
        }
        return 0;
    }

    /** One timed piece of work. */
    @FunctionalInterface
    private interface Work {
        void run() throws DeblurException;
    }

    /** CPU time of this process so far, all threads, in ns. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void report(String label, int width, int height, int repeats, Work work) throws DeblurException {
        work.run();
        work.run();
        double[] millis = new double[repeats];
        long cpuStart = cpuNanos();
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%s on %dx%d: median %.1f ms, min %.1f ms, max %.1f ms over %d runs,"
                + " CPU %.1f ms per frame%n", label, width, height, millis[repeats / 2], millis[0],
                millis[repeats - 1], repeats, (cpuNanos() - cpuStart) / 1e6 / repeats);
    }
}
