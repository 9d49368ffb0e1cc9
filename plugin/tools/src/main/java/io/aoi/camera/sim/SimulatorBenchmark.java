package io.aoi.camera.sim;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.SimulatedCameraSettings;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Prints how fast the simulator renders: lines per second and megapixels per second for a sharp,
 * noise-free render and for a blurred, noisy one, over several strips after a warm-up.
 *
 * <pre>java -jar plugin/tools/target/aoi-tools.jar SimulatorBenchmark
 *     [WIDTH_PX=4096] [LINES_PER_STRIP=1024] [STRIPS=8] [DEFOCUS_SIGMA_PX=2]</pre>
 */
@Command(name = "SimulatorBenchmark", description = "Render speed of the panel simulator: lines/s and Mpx/s, sharp "
        + "and blurred with noise.")
public final class SimulatorBenchmark implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Parameters(index = "0", arity = "0..1", paramLabel = "WIDTH_PX", description = "Default: ${DEFAULT-VALUE}.")
    int width = 4096;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LINES_PER_STRIP", description = "Default: "
            + "${DEFAULT-VALUE}.")
    int lines = 1024;

    @Parameters(index = "2", arity = "0..1", paramLabel = "STRIPS", description = "Default: ${DEFAULT-VALUE}.")
    int strips = 8;

    @Parameters(index = "3", arity = "0..1", paramLabel = "DEFOCUS_SIGMA_PX", description = "Default: "
            + "${DEFAULT-VALUE}.")
    double sigma = 2.0;

    private SimulatorBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new SimulatorBenchmark(), args));
    }

    @Override
    public Integer call() {
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(width)
                .withLineRateHz(0).withDefocusSigmaPx(sigma).withSeed(1));
        for (int i = 0; i < 2; i++) {
            sim.frame(i * (long) lines, lines);
        }
        measure("sharp, no noise", strips, lines, width, n -> sim.frame(n * (long) lines, lines, 0, 0, 0));
        measure("defocus " + sigma + " px, noise 0.01", strips, lines, width, n -> sim.frame(n * (long) lines, lines));
        return 0;
    }

    private static void measure(String what, int strips, int lines, int width, IntConsumer render) {
        long start = System.nanoTime();
        for (int n = 0; n < strips; n++) {
            render.accept(100 + n);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%-32s width %d: %.0f lines/s, %.1f Mpx/s (%d strips of %d lines in %.2f s)%n",
                what, width, strips * lines / seconds, strips * (double) lines * width / seconds / 1e6, strips, lines,
                seconds);
    }
}
