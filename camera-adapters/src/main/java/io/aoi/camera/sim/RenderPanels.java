package io.aoi.camera.sim;

import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;

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
 * <pre>java -cp station-config/target/classes:camera-adapters/target/classes io.aoi.camera.sim.RenderPanels
 *     --out DIR --count N --width W --height H --seed S [--defocus SIGMA] [--noise N]</pre>
 */
public final class RenderPanels {
    private static final int POSITION_STREAM = 7;
    private static final long LINES = 1_000_000;

    private RenderPanels() {
    }

    public static void main(String[] args) {
        RenderPanelsOptions options;
        try {
            options = RenderPanelsOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(RenderPanelsOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            long started = System.nanoTime();
            int particles = render(options);
            System.out.printf(Locale.ROOT, "wrote %d crops of %dx%d with %d particles to %s in %.1f s%n",
                    options.count(), options.widthPx(), options.heightPx(), particles, options.out(),
                    (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            System.err.println("cannot write to " + options.out() + ": " + e.getMessage());
            System.exit(1);
        }
    }

    /** Renders all crops; returns the number of particles written to truth.csv. */
    static int render(RenderPanelsOptions o) throws IOException {
        Files.createDirectories(o.out());
        int panelWidth = Math.max(64, 2 * o.widthPx());
        PanelSimulator sim = new PanelSimulator(new SimulatedCameraSettings(panelWidth, o.bitDepth(), 0,
                o.defocusSigmaPx(), o.motionBlurPx(), o.noiseSigma(), o.particlesPerBump(),
                SimulatedCameraSettings.DEFAULT_MICRONS_PER_PIXEL, o.seed()));
        int particles = 0;
        try (BufferedWriter truth = Files.newBufferedWriter(o.out().resolve("truth.csv"), StandardCharsets.UTF_8);
                BufferedWriter bumps = Files.newBufferedWriter(o.out().resolve("bumps.csv"), StandardCharsets.UTF_8)) {
            truth.write("file,x,y,radius,contrast,bump\n");
            bumps.write("file,bump,x,y,width,height,particles\n");
            for (int i = 0; i < o.count(); i++) {
                Rng position = Rng.forKey(o.seed(), POSITION_STREAM, i);
                long firstLine = (long) (position.nextDouble() * LINES);
                int x0 = position.nextInt(panelWidth - o.widthPx() + 1);
                String file = String.format(Locale.ROOT, "panel_%05d.png", i);
                SimulatedFrame frame = sim.frame(firstLine, o.heightPx());
                ImageFiles.write(crop(frame.image(), x0, o.widthPx()), o.out().resolve(file));
                for (TrueParticle p : frame.particles()) {
                    double x = p.x() - x0;
                    if (Math.round(x) >= 0 && Math.round(x) < o.widthPx()) {
                        truth.write(String.format(Locale.ROOT, "%s,%.3f,%.3f,%.3f,%.4f,%s%n", file, x, p.y(),
                                p.radiusPx(), p.contrast(), p.bumpId().orElse("")));
                        particles++;
                    }
                }
                for (TrueBump b : frame.bumps()) {
                    if (b.x() >= x0 && b.x() + b.width() <= x0 + o.widthPx()) {
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
