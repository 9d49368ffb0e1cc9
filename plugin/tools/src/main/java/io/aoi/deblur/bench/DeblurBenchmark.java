package io.aoi.deblur.bench;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.onnx.UdbdDeblurrer;
import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.image.Image;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Prints deblurring throughput in megapixels per second on synthetic 8-bit mono frames: UDBD-Net after 1
 * and 3 passes (CPU, then CUDA when the runtime offers it) beside the Wiener baseline, in one run. Each
 * measurement follows one warm-up run on the same frame (a station sees frames of one size, so sessions, shape
 * plans and buffers are warm in production); the load average is printed since the numbers depend on what
 * else the host runs.
 *
 * <pre>
 * java -jar plugin/tools/target/aoi-tools.jar DeblurBenchmark [--width 2048] [--height 512] [--threads 2]
 *     [--tile 256] [--overlap 32] [--repeats 3]
 * </pre>
 */
@Command(name = "DeblurBenchmark", description = "Deblurring throughput (MP/s) of UDBD-Net x1/x3 on CPU and CUDA "
        + "beside the Wiener baseline, on a synthetic 8-bit mono frame.")
public final class DeblurBenchmark implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--width", paramLabel = "PX", description = "Frame width. Default: ${DEFAULT-VALUE}.")
    int width = 2048;

    @Option(names = "--height", paramLabel = "PX", description = "Frame height. Default: ${DEFAULT-VALUE}.")
    int height = 512;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime threads. Default: ${DEFAULT-VALUE}.")
    int threads = 2;

    @Option(names = "--tile", paramLabel = "PX", description = "UDBD-Net tile size. Default: ${DEFAULT-VALUE}.")
    int tile = 256;

    @Option(names = "--overlap", paramLabel = "PX", description = "Tile overlap. Default: ${DEFAULT-VALUE}.")
    int overlap = 32;

    @Option(names = "--repeats", paramLabel = "N", description = "Timed runs per arm after one warm-up. Default: "
            + "${DEFAULT-VALUE}.")
    int repeats = 3;

    private DeblurBenchmark() {
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new DeblurBenchmark(), args));
    }

    @Override
    public Integer call() throws DeblurException {
        Image frame = syntheticFrame(width, height, 42);
        System.out.printf(Locale.ROOT, "load average at start: %.2f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "frame %dx%d 8-bit mono, %d threads, tile %d overlap %d, %d timed runs%n",
                width, height, threads, tile, overlap, repeats);
        DeblurSettings cpu = DeblurSettings.DEFAULTS.withModel(DeblurModel.UDBD).withThreads(threads)
                .withTiles(tile, overlap).withWiener(2.0, 0.01);
        try (Deblurrer wiener = new WienerDeblurrer(cpu)) {
            report("wiener (OpenCV, CPU)", wiener, frame, 1, repeats);
        }
        try (Deblurrer udbd = new UdbdDeblurrer(cpu)) {
            report("udbd CPU", udbd, frame, 1, repeats);
            report("udbd CPU", udbd, frame, 3, repeats);
        }
        DeblurSettings cuda = cpu.withExecutionProvider(ExecutionProvider.CUDA);
        try (Deblurrer udbd = new UdbdDeblurrer(cuda)) {
            report("udbd CUDA", udbd, frame, 1, repeats);
            report("udbd CUDA", udbd, frame, 3, repeats);
        } catch (DeblurException e) {
            System.out.println("udbd CUDA: not measured: " + e.getMessage());
        }
        return 0;
    }

    private static void report(String label, Deblurrer d, Image frame, int passes, int repeats)
            throws DeblurException {
        d.deblur(frame, passes); // warm-up: sessions, shape plans, JIT, buffers
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            d.deblur(frame, passes);
        }
        double seconds = (System.nanoTime() - start) / 1e9 / repeats;
        double mp = frame.width() * (double) frame.height() / 1e6;
        System.out.printf(Locale.ROOT, "%-22s passes %d: %8.3f s/frame  %8.3f MP/s%n", label, passes, seconds,
                mp / seconds);
    }

    /** Seeded texture: smooth blobs, edges and fine noise, like a blurred panel region. */
    static Image syntheticFrame(int width, int height, long seed) {
        Random rnd = new Random(seed);
        short[] s = new short[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 0.45 + 0.2 * Math.sin(x / 7.0) * Math.cos(y / 9.0) + ((x / 64 + y / 48) % 2) * 0.15
                        + 0.02 * rnd.nextGaussian();
                s[y * width + x] = (short) Math.max(0, Math.min(255, Math.round(v * 255)));
            }
        }
        return new Image(width, height, 1, 8, s);
    }
}
