package io.aoi.camera.aravis;

import io.aoi.camera.GrabResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Long-run memory check of the Aravis adapter: prints the process's resident set size (RSS) and Java heap before
 * and after grabbing many thousand strips, and after repeatedly opening and closing the camera, so that native
 * leaks (unreleased Aravis objects or buffers) show as RSS growth. Uses the simulated GigE Vision camera on
 * 127.0.0.1 unless {@code --camera} names another.
 *
 * <p>Options (defaults): {@code --strips 50000 --cycles 20} plus the camera options of {@link AravisBenchmark}
 * (default geometry here: 1024 px x 16 lines).
 */
public final class AravisSoak {
    private AravisSoak() {
    }

    public static void main(String[] argv) throws Exception {
        Set<String> options = new HashSet<>(BenchmarkCamera.OPTIONS);
        options.add("strips");
        options.add("cycles");
        String[] withDefaults = withDefaults(argv);
        MainArgs args = new MainArgs(withDefaults, options);
        int strips = args.integer("strips", 50_000);
        int cycles = args.integer("cycles", 20);
        Duration timeout = Duration.ofSeconds(1);
        try (BenchmarkCamera camera = BenchmarkCamera.from(args)) {
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
    }

    private static String[] withDefaults(String[] argv) {
        Set<String> given = new HashSet<>(List.of(argv));
        List<String> all = new ArrayList<>(List.of(argv));
        if (!given.contains("--width")) {
            all.addAll(List.of("--width", "1024"));
        }
        if (!given.contains("--lines")) {
            all.addAll(List.of("--lines", "16"));
        }
        return all.toArray(new String[0]);
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
