package io.aoi.deblur.motion;

import com.sun.management.OperatingSystemMXBean;
import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Prints how long the shipped motion model takes per frame triplet in ONNX Runtime on the CPU.
 *
 * <p>Arguments: {@code threads tileSizePx tileOverlapPx repeats WIDTHxHEIGHT...}, for example
 * {@code 2 512 32 3 256x256 2048x512}. Frames are seeded random 8-bit mono images; the first run of each
 * size is a warm-up and not counted. Prints wall time and the process CPU time (all threads), which is the
 * steadier number on a shared machine.
 */
@Command(name = "MotionBenchmark", description = "Time per frame triplet of the shipped motion model in ONNX Runtime "
        + "on the CPU: wall and process CPU time.")
public final class MotionBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(index = "0", paramLabel = "THREADS", description = "ONNX Runtime threads.")
    int threads;

    @Parameters(index = "1", paramLabel = "TILE_PX", description = "Tile size.")
    int tile;

    @Parameters(index = "2", paramLabel = "OVERLAP_PX", description = "Tile overlap.")
    int overlap;

    @Parameters(index = "3", paramLabel = "REPEATS", description = "Timed runs per size after one warm-up.")
    int repeats;

    @Parameters(index = "4..*", arity = "1..*", paramLabel = "WxH", description = "Frame sizes, e.g. 256x256.")
    List<String> sizes;

    private MotionBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new MotionBenchmark(), args));
    }

    @Override
    public Integer call() throws DeblurException {
        DeblurSettings settings = DeblurSettings.DEFAULTS.withModel(DeblurModel.MOTION).withThreads(threads)
                .withTiles(tile, overlap);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (MotionDeblurrer deblurrer = MotionDeblurrer.open(settings)) {
            for (String size : sizes) {
                if (!size.matches("\\d{1,5}x\\d{1,5}")) {
                    throw new ParameterException(spec.commandLine(), "WxH '" + size + "' is not WIDTHxHEIGHT, e.g. "
                            + "256x256");
                }
                String[] wh = size.split("x");
                int w = Integer.parseInt(wh[0]);
                int h = Integer.parseInt(wh[1]);
                Image[] f = {noise(w, h, 1), noise(w, h, 2), noise(w, h, 3)};
                deblurrer.deblur(f[0], f[1], f[2]);
                long cpuStart = os.getProcessCpuTime();
                long start = System.nanoTime();
                for (int r = 0; r < repeats; r++) {
                    deblurrer.deblur(f[0], f[1], f[2]);
                }
                double ms = (System.nanoTime() - start) / 1e6 / repeats;
                double cpuMs = (os.getProcessCpuTime() - cpuStart) / 1e6 / repeats;
                System.out.printf(Locale.ROOT, "motion %dx%d mono, %d threads, tile %d overlap %d: %.1f ms wall, "
                        + "%.1f ms process CPU per triplet (load average %.1f)%n", w, h, threads, tile, overlap, ms,
                        cpuMs, os.getSystemLoadAverage());
            }
        }
        return 0;
    }

    private static Image noise(int w, int h, long seed) {
        Random rng = new Random(seed);
        short[] s = new short[w * h];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) rng.nextInt(256);
        }
        return new Image(w, h, 1, 8, s);
    }
}
