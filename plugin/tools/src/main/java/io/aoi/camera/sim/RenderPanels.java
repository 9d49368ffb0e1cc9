package io.aoi.camera.sim;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.io.BufferedWriter;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Writes PNG crops of the simulated panel with their ground truth, for model training and documentation.
 *
 * <p>Crop i comes from a position drawn from (seed, i): a line in the first million lines of a panel twice
 * the crop width, and a column offset. The same options give the same files, and runs that differ only in
 * {@code --defocus}, {@code --motion} or {@code --noise} give the same content, so a sharp run and a blurred
 * run make training pairs.
 *
 * <p>Writes {@code panel_NNNNN.png}, {@code truth.csv} (file, x, y, radius, contrast, bump: particles whose
 * centre lies in the crop, crop coordinates, integer values at pixel centres, bump empty for resin) and
 * {@code bumps.csv} (file, bump, x, y, width, height, particles: bumps wholly inside the crop).
 *
 * <pre>java -jar plugin/tools/target/aoi-tools.jar RenderPanels
 *     --out DIR --count N --width W --height H --seed S [--defocus SIGMA] [--noise N] [--shear-deg A]</pre>
 * ({@code --help} lists every option with its default and range).
 */
@Command(name = "RenderPanels", description = "Writes PNG crops of the simulated ACF panel with their ground truth "
        + "(truth.csv, bumps.csv).")
public final class RenderPanels implements Callable<Integer> {
    private static final int POSITION_STREAM = 7;
    private static final long LINES = 1_000_000;

    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder for the crops and truth "
            + "files (created when missing).")
    Path out;

    @Option(names = "--count", paramLabel = "N", required = true, description = "Crops to write, 1 or more.")
    int count;

    @Option(names = "--width", paramLabel = "PX", required = true, description = "Crop width, 32 to 8192.")
    int widthPx;

    @Option(names = "--height", paramLabel = "PX", required = true, description = "Crop height, 16 to 8192.")
    int heightPx;

    @Option(names = "--seed", paramLabel = "S", required = true,
            description = "Panel seed; the same options write the same files.")
    long seed;

    @Option(names = "--defocus", paramLabel = "SIGMA_PX", description = "Gaussian defocus sigma, 0 to 8. Default: "
            + "${DEFAULT-VALUE} (sharp).")
    double defocusSigmaPx = 0;

    @Option(names = "--motion", paramLabel = "LENGTH_PX", description = "Motion blur along y, 0 to 64. Default: "
            + "${DEFAULT-VALUE}.")
    double motionBlurPx = 0;

    @Option(names = "--noise", paramLabel = "SIGMA", description = "Sensor noise sigma as a fraction of full scale, "
            + "0 to 0.2. Default: ${DEFAULT-VALUE}.")
    double noiseSigma = 0;

    @Option(names = "--bits", paramLabel = "8|16", description = "Bit depth, 8 or 16. Default: ${DEFAULT-VALUE}.")
    int bitDepth = 8;

    @Option(names = "--shear-deg", paramLabel = "DEG", description = "DIC shear direction of the reliefs, degrees "
            + "counter-clockwise from +x, -360 to 360; the same bumps and particles at every direction. Default: "
            + "${DEFAULT-VALUE} (lit from +x).")
    double shearAngleDeg = 0;

    @Option(names = "--particles-per-bump", paramLabel = "M", description = "Mean particles per bump, 0 to 500. "
            + "Default: ${DEFAULT-VALUE}.")
    double particlesPerBump = 12;

    public static void main(String[] args) {
        System.exit(CommandLines.run(new RenderPanels(), args));
    }

    /**
     * The tool with {@code argv} parsed and checked, not run.
     *
     * @throws ParameterException naming the missing, unknown or out-of-range option
     */
    static RenderPanels parse(String... argv) {
        RenderPanels tool = new RenderPanels();
        new CommandLine(tool).parseArgs(argv);
        tool.check();
        return tool;
    }

    @Override
    public Integer call() throws IOException {
        check();
        long started = System.nanoTime();
        int particles;
        try {
            particles = render();
        } catch (IOException e) {
            throw new IOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "wrote %d crops of %dx%d with %d particles to %s in %.1f s%n",
                count, widthPx, heightPx, particles, out, (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void check() {
        CommandLines.requireAtLeast(spec, "--count", count, 1);
        CommandLines.requireRange(spec, "--width", widthPx, 32, 8192);
        CommandLines.requireRange(spec, "--height", heightPx, 16, 8192);
        CommandLines.requireRange(spec, "--defocus", defocusSigmaPx, 0, 8);
        CommandLines.requireRange(spec, "--motion", motionBlurPx, 0, 64);
        CommandLines.requireRange(spec, "--noise", noiseSigma, 0, 0.2);
        CommandLines.require(spec, bitDepth == 8 || bitDepth == 16,
                "--bits " + bitDepth + " is not allowed; allowed: 8 or 16");
        CommandLines.requireRange(spec, "--particles-per-bump", particlesPerBump, 0, 500);
        CommandLines.requireRange(spec, "--shear-deg", shearAngleDeg, -360, 360);
    }

    /** Renders all crops; returns the number of particles written to truth.csv. */
    int render() throws IOException {
        Files.createDirectories(out);
        int panelWidth = Math.max(64, 2 * widthPx);
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(panelWidth)
                .withBitDepth(bitDepth).withLineRateHz(0).withDefocusSigmaPx(defocusSigmaPx)
                .withMotionBlurPx(motionBlurPx).withNoiseSigma(noiseSigma)
                .withParticlesPerBump(particlesPerBump).withSeed(seed), shearAngleDeg);
        int particles = 0;
        try (BufferedWriter truth = Files.newBufferedWriter(out.resolve("truth.csv"), StandardCharsets.UTF_8);
                BufferedWriter bumps = Files.newBufferedWriter(out.resolve("bumps.csv"), StandardCharsets.UTF_8)) {
            truth.write("file,x,y,radius,contrast,bump\n");
            bumps.write("file,bump,x,y,width,height,particles\n");
            for (int i = 0; i < count; i++) {
                Rng position = Rng.forKey(seed, POSITION_STREAM, i);
                long firstLine = (long) (position.nextDouble() * LINES);
                int x0 = position.nextInt(panelWidth - widthPx + 1);
                String file = String.format(Locale.ROOT, "panel_%05d.png", i);
                SimulatedFrame frame = sim.frame(firstLine, heightPx);
                ImageFiles.write(crop(frame.image(), x0, widthPx), out.resolve(file));
                for (TrueParticle p : frame.particles()) {
                    double x = p.x() - x0;
                    if (Math.round(x) >= 0 && Math.round(x) < widthPx) {
                        truth.write(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.4f,%s%n", file, x, p.y(),
                                p.radiusPx(), p.contrast(), p.bumpId().orElse("")));
                        particles++;
                    }
                }
                for (TrueBump b : frame.bumps()) {
                    if (b.x() >= x0 && b.x() + b.width() <= x0 + widthPx) {
                        bumps.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d%n", file, b.id(), b.x() - x0,
                                b.y(), b.width(), b.height(), b.particleCount()));
                    }
                }
            }
        }
        return particles;
    }

    private static Image crop(Image image, int x0, int width) {
        short[] out = new short[width * image.height()];
        for (int y = 0; y < image.height(); y++) {
            System.arraycopy(image.samples(), y * image.width() + x0, out, y * width, width);
        }
        return new Image(width, image.height(), 1, image.bitDepth(), out);
    }
}
