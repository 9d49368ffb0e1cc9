package io.aoi.opcua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a test-classpath {@code main} in a child JVM (for clients that must live and die in their own process). */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * Runs {@code main} with this JVM's class path, waits at most {@code timeoutSeconds} and returns the line of its
     * output that starts with {@code prefix}.
     *
     * @throws IOException when it does not exit in time or prints no such line (the output is in the message)
     */
    public static String run(Class<?> main, long timeoutSeconds, String prefix, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx256m", main.getName()));
        cmd.addAll(List.of(args));
        Path log = Files.createTempFile("child-jvm", ".log");
        String out;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    throw new IOException(main.getSimpleName() + " did not exit within " + timeoutSeconds + " s");
                }
            } finally {
                p.destroyForcibly();
            }
            out = Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
        for (String line : out.split("\n")) {
            if (line.startsWith(prefix)) {
                return line.trim();
            }
        }
        throw new IOException(main.getSimpleName() + " printed no line starting with '" + prefix + "'; output:\n"
                + out);
    }
}
