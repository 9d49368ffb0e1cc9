package io.aoi.camera.aravis;

import io.aoi.camera.GrabResult;
import io.aoi.camera.SourceCounters;
import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Sustained throughput of the Aravis adapter alone: strips/s, lines/s and MB/s of pixel data delivered as
 * {@code Strip}s, and the fractions of incomplete and dropped buffers. By default it starts Aravis's simulated
 * GigE Vision camera on 127.0.0.1 (packet socket off); {@code --camera <id|serial|IP>} measures a real camera.
 *
 * <p>Options (defaults): {@code --seconds 10 --width 2048 --lines 64 --line-rate <lines x 1000> --format Mono8
 * --buffers 32 --packet-size 0}.
 */
@Command(name = "AravisBenchmark", description = "Sustained throughput of the Aravis adapter: strips/s, lines/s, MB/s "
        + "and the fractions of incomplete and dropped buffers.")
public final class AravisBenchmark implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    BenchmarkCamera.Options cameraOptions = new BenchmarkCamera.Options(2048, 64);

    @Option(names = "--seconds", paramLabel = "S", description = "Measuring time after 1 s of warm-up. Default: "
            + "${DEFAULT-VALUE}.")
    double seconds = 10;

    private AravisBenchmark() {
    }

    /** CPU time of this JVM, native threads included. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    public static void main(String[] argv) {
        System.exit(CommandLines.run(new AravisBenchmark(), argv));
    }

    @Override
    public Integer call() throws Exception {
        try (BenchmarkCamera camera = BenchmarkCamera.from(cameraOptions);
                AravisLineSource source = camera.open()) {
            source.start();
            Duration timeout = Duration.ofSeconds(1);
            long warmUpEnd = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                source.grab(timeout);
            }
            SourceCounters before = source.counters();
            long bytes = 0;
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                GrabResult r = source.grab(timeout);
                if (r instanceof GrabResult.Grabbed g) {
                    bytes += (long) g.strip().lines().samples().length * (source.bitDepth() / 8);
                } else if (r instanceof GrabResult.Lost lost) {
                    System.out.println("camera lost during the benchmark: " + lost.reason());
                    return 1;
                }
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
            SourceCounters after = source.counters();
            long received = after.stripsReceived() - before.stripsReceived();
            long incomplete = after.stripsIncomplete() - before.stripsIncomplete();
            long dropped = after.stripsDropped() - before.stripsDropped();
            long span = received + incomplete + dropped;
            System.out.println("camera: " + source.describe());
            System.out.printf(Locale.ROOT, "geometry: %d px x %d lines per strip, %d-bit, %d buffers%n",
                    source.widthPx(), source.linesPerStrip(), source.bitDepth(), camera.settings.bufferCount());
            System.out.printf(Locale.ROOT, "measured over %.1f s: %.0f strips/s, %.0f lines/s, %.1f MB/s%n",
                    elapsed, received / elapsed, received * source.linesPerStrip() / elapsed, bytes / elapsed / 1e6);
            System.out.printf(Locale.ROOT, "configured line rate: %.0f lines/s (camera's own report)%n",
                    after.configuredLineRateHz());
            System.out.printf(Locale.ROOT,
                    "strips: %d received, %d incomplete (%.4f), %d dropped (%.4f) of %d; resent packets %d%n",
                    received, incomplete, span == 0 ? 0.0 : (double) incomplete / span, dropped,
                    span == 0 ? 0.0 : (double) dropped / span, span, after.resends() - before.resends());
            System.out.printf(Locale.ROOT,
                    "this process (Aravis receive thread + adapter): %.0f%% of one core, %.0f us CPU per strip%n",
                    100 * cpuSeconds / elapsed, received == 0 ? 0.0 : cpuSeconds * 1e6 / received);
            System.out.printf(Locale.ROOT, "system load average: %.1f on %d cores%n",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors());
        }
        return 0;
    }
}
