package io.aoi.results.journal;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.results.SampleResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Prints the journal's durable append rate, latency and bytes per record (8-bump results; {@code --help} for the
 * options). Writes into a temporary directory it deletes afterwards.
 */
@Command(name = "JournalBenchmark", description = "Prints the result journal's durable append rate, latency and bytes"
        + " per record.")
public final class JournalBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--results", paramLabel = "N", description = "Results to append, 1 or more. Default: "
            + "${DEFAULT-VALUE}.")
    int n = 2000;

    public static void main(String[] args) {
        System.exit(CommandLines.run(new JournalBenchmark(), args));
    }

    @Override
    public Integer call() throws Exception {
        CommandLines.requireAtLeast(spec, "--results", n, 1);
        Path dir = Files.createTempDirectory("journal-bench");
        long[] nanos = new long[n];
        long bytes;
        long t0 = System.nanoTime();
        try (ResultJournal j = ResultJournal.open(dir, 30, 1L << 30)) {
            for (int i = 0; i < n; i++) {
                long s = System.nanoTime();
                j.append(SampleResults.result(i + 1, Instant.now()));
                nanos[i] = System.nanoTime() - s;
            }
            bytes = j.bytesOnDisk();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(nanos);
        System.out.printf("results=%d appends/s=%.0f p50=%.3f ms p99=%.3f ms bytes/record=%.0f%n", n, n / seconds,
                nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, (double) bytes / n);
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
        return 0;
    }
}
