package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.plugin.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real station process ({@code run --station FILE} in a quick-starting child JVM on the test class path) with its
 * output collected line by line, for the fault-injection tests that kill it with SIGKILL or stop it with SIGTERM.
 */
final class StationProcess {
    final Process process;
    final Thread reader;
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    StationProcess(Path station) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a quick-starting JVM: the kill tests start many of them
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--station",
                station.toString());
        pb.redirectErrorStream(true);
        process = pb.start();
        reader = new Thread(() -> collect(process.getInputStream()), "station-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void collect(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output ended: " + e + ")");
        }
    }

    /** Waits (60 s at most) until the station printed that it runs; fails when it ended instead. */
    void awaitRunning() {
        awaitPrinted("running, job");
    }

    /** Waits (60 s at most) until the station printed {@code part}; fails when it ended instead. */
    void awaitPrinted(String part) {
        Awaitility.await("the station printed \"" + part + "\" or ended").atMost(Duration.ofSeconds(60))
                .until(() -> printed(part) || !process.isAlive());
        assertTrue(process.isAlive(), () -> "station ended before it printed \"" + part + "\" (exit code "
                + process.exitValue() + "):\n" + output());
    }

    /** The value after {@code prefix} on the first output line that starts with it (e.g. the OPC UA endpoint). */
    Optional<String> printedValue(String prefix) {
        synchronized (lines) {
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .map(l -> l.substring(prefix.length()).trim());
        }
    }

    boolean printed(String part) {
        synchronized (lines) {
            return lines.stream().anyMatch(l -> l.contains(part));
        }
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /** SIGKILL ({@code kill -9}): no shutdown hook runs, frames in flight are cut off. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed station ended");
    }

    /** SIGTERM, as systemd or Ctrl-C would send; Process.destroy() would also close the output pipe. */
    void terminate() throws IOException, InterruptedException {
        Process term = new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start();
        assertEquals(0, term.waitFor(), "kill -TERM");
    }
}
