package io.aoi.camera.sim;

import io.aoi.config.SimulatedCameraSettings;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Prints how fast the simulator renders: lines per second and megapixels per second for a sharp,
 * noise-free render and for a blurred, noisy one, over several strips after a warm-up.
 *
 * <pre>java -cp station-config/target/classes:camera-adapters/target/classes io.aoi.camera.sim.SimulatorBenchmark
 *     [WIDTH_PX=4096] [LINES_PER_STRIP=1024] [STRIPS=8] [DEFOCUS_SIGMA_PX=2]</pre>
 */
public final class SimulatorBenchmark {
    private SimulatorBenchmark() {
    }

    public static void main(String[] args) {
        int width = args.length > 0 ? Integer.parseInt(args[0]) : 4096;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int strips = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        double sigma = args.length > 3 ? Double.parseDouble(args[3]) : 2.0;
        PanelSimulator sim = new PanelSimulator(new SimulatedCameraSettings(width, 8, 0, sigma, 0, 0.01, 12,
                SimulatedCameraSettings.DEFAULT_MICRONS_PER_PIXEL, 1));
        for (int i = 0; i < 2; i++) {
            sim.frame(i * (long) lines, lines);
        }
        measure("sharp, no noise", strips, lines, width, n -> sim.frame(n * (long) lines, lines, 0, 0, 0));
        measure("defocus " + sigma + " px, noise 0.01", strips, lines, width, n -> sim.frame(n * (long) lines, lines));
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
