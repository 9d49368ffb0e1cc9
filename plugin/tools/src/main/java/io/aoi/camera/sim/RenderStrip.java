package io.aoi.camera.sim;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.SimulatedCameraSettings;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Writes a tall, sharp, noise-free strip of the simulated ACF panel (lines 0 .. rows-1, 16 bit) as one binary PGM,
 * for the motion model's training and validation ({@code aoi_models.motion}). The same options write the same file.
 *
 * <pre>java -jar plugin/tools/target/aoi-tools.jar RenderStrip
 *     --out FILE.pgm --width PX --rows N --seed S [--particles-per-bump M]</pre>
 * ({@code --help} lists every option with its default and range).
 */
@Command(name = "RenderStrip", description = "Writes a tall, sharp, noise-free 16-bit strip of the simulated ACF "
        + "panel as a binary PGM.")
public final class RenderStrip implements Callable<Integer> {
    /** Lines rendered per simulator call; the strip does not depend on it. */
    private static final int BLOCK_LINES = 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The PGM to write (its folder is "
            + "created when missing).")
    Path out;

    @Option(names = "--width", paramLabel = "PX", required = true, description = "Strip width, 64 to 16384.")
    int widthPx;

    @Option(names = "--rows", paramLabel = "N", required = true, description = "Strip length in lines, 1 to "
            + "1000000.")
    int rows;

    @Option(names = "--seed", paramLabel = "S", required = true, description = "Panel seed.")
    long seed;

    @Option(names = "--particles-per-bump", paramLabel = "M", description = "Mean particles per bump, 0 to 500. "
            + "Default: ${DEFAULT-VALUE}, the first motion model's training strip.")
    double particlesPerBump = 3;

    public static void main(String[] args) {
        System.exit(CommandLines.run(new RenderStrip(), args));
    }

    @Override
    public Integer call() throws IOException {
        CommandLines.requireRange(spec, "--width", widthPx, 64, 16384);
        CommandLines.requireRange(spec, "--rows", rows, 1, 1_000_000);
        CommandLines.requireRange(spec, "--particles-per-bump", particlesPerBump, 0, 500);
        long started = System.nanoTime();
        try {
            write();
        } catch (IOException e) {
            throw new IOException("cannot write " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote a %dx%d strip (seed %d) to %s in %.1f s%n", widthPx,
                rows, seed, out, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void write() throws IOException {
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(widthPx)
                .withBitDepth(16).withDefocusSigmaPx(0).withNoiseSigma(0).withParticlesPerBump(particlesPerBump)
                .withSeed(seed));
        try (DataOutputStream pgm = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
            pgm.write(("P5\n" + widthPx + " " + rows + "\n65535\n").getBytes(StandardCharsets.US_ASCII));
            for (int from = 0; from < rows; from += BLOCK_LINES) {
                for (short v : sim.frame(from, Math.min(BLOCK_LINES, rows - from), 0, 0, 0).image().samples()) {
                    pgm.writeShort(v);
                }
            }
        }
    }
}
