package io.aoi.plugin.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** VmRSS: resident set size now, MB; NaN where /proc is missing. */
    static double rssMegabytes() {
        return status("VmRSS:");
    }

    /** VmHWM: the peak resident set size of the process so far, MB; NaN where /proc is missing. */
    static double peakRssMegabytes() {
        return status("VmHWM:");
    }

    private static double status(String key) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(key)) {
                    String[] parts = line.substring(key.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
