package io.aoi.camera.aravis;

import io.aoi.camera.GrabResult;
import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Long-run memory check of the Aravis adapter: prints the process's resident set size (RSS) and Java heap before
 * and after grabbing many thousand strips, and after repeatedly opening and closing the camera, so that native
 * leaks (unreleased Aravis objects or buffers) show as RSS growth. Uses the simulated GigE Vision camera on
 * 127.0.0.1 unless {@code --camera} names another.
 *
 * <p>Options (defaults): {@code --strips 50000 --cycles 20} plus the camera options of {@link AravisBenchmark}
 * (default geometry here: 1024 px x 16 lines).
 */
@Command(name = "AravisSoak", description = "Long-run memory check of the Aravis adapter: RSS and Java heap before and "
        + "after many strips and many open/close cycles.")
public final class AravisSoak implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    BenchmarkCamera.Options cameraOptions = new BenchmarkCamera.Options(1024, 16);

    @Option(names = "--strips", paramLabel = "N", description = "Strips grabbed after warm-up. Default: "
            + "${DEFAULT-VALUE}.")
    int strips = 50_000;

    @Option(names = "--cycles", paramLabel = "N", description = "Open/grab/close cycles. Default: ${DEFAULT-VALUE}.")
    int cycles = 20;

    private AravisSoak() {
    }

    public static void main(String[] argv) {
        System.exit(CommandLines.run(new AravisSoak(), argv));
    }

    @Override
    public Integer call() throws Exception {
        Duration timeout = Duration.ofSeconds(1);
        try (BenchmarkCamera camera = BenchmarkCamera.from(cameraOptions)) {
            try (AravisLineSource source = camera.open()) {
                source.start();
                grab(source, 2_000, timeout);
                report("after warm-up (2000 strips)");
                long t0 = System.nanoTime();
                grab(source, strips, timeout);
                report(String.format(Locale.ROOT, "after %d more strips (%.1f s)", strips,
                        (System.nanoTime() - t0) / 1e9));
                System.out.println("counters: " + source.counters());
            }
            report("after close");
            int every = Math.max(1, cycles / 4);
            for (int c = 1; c <= cycles; c++) {
                try (AravisLineSource source = camera.open()) {
                    source.start();
                    grab(source, 200, timeout);
                }
                if (c % every == 0 || c == cycles) {
                    report("after " + c + " open/grab 200/close cycles");
                }
            }
        }
        return 0;
    }

    private static void grab(AravisLineSource source, int strips, Duration timeout) throws Exception {
        int got = 0;
        int misses = 0;
        while (got < strips) {
            GrabResult r = source.grab(timeout);
            if (r instanceof GrabResult.Grabbed || r instanceof GrabResult.Incomplete) {
                got++;
                misses = 0;
            } else if (++misses > 10) {
                throw new IllegalStateException("no strips for 10 s: " + r);
            }
        }
    }

    private static void report(String when) throws IOException {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        System.out.printf(Locale.ROOT, "%-45s RSS %6d kB, Java heap used %4d MB%n", when + ":", rssKb(), heapMb);
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}
