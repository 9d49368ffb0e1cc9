package io.aoi.plugin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** CPU time and resident memory of this process, as the benchmark reports them. */
final class ProcessMeters {
    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMeters() {
    }

    /** CPU time of every thread of the process so far, in seconds. */
    static double cpuSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        throw new IllegalStateException("this JVM reports no process CPU time (com.sun.management missing)");
    }

    /**
     * Resident memory from one reading of /proc/self/status, so that the peak is never below the current size (two
     * readings could see the resident set shrink in between).
     *
     * @param megabytes     VmRSS: resident set size now, MB; NaN where /proc is missing
     * @param peakMegabytes VmHWM: the peak resident set size of the process so far, MB; NaN where /proc is missing
     */
    record Rss(double megabytes, double peakMegabytes) {
    }

    /** The process's resident memory now and at its peak, read together. */
    static Rss rss() {
        try {
            List<String> status = Files.readAllLines(STATUS);
            return new Rss(field(status, "VmRSS:"), field(status, "VmHWM:"));
        } catch (IOException e) {
            return new Rss(Double.NaN, Double.NaN);
        }
    }

    private static double field(List<String> status, String key) {
        for (String line : status) {
            if (line.startsWith(key)) {
                try {
                    return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) / 1024.0;
                } catch (NumberFormatException e) {
                    return Double.NaN;
                }
            }
        }
        return Double.NaN;
    }
}
