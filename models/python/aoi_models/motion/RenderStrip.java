import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders a tall, sharp, noise-free strip of the simulated ACF panel (lines 0 .. rows-1) as a 16-bit
 * binary PGM, for aoi_models.motion.make_dataset --strip. Run from the repository root after compiling camera-adapters:
 *
 * <pre>java -cp camera-adapters/target/classes:station-config/target/classes \
 *     models/python/aoi_models/motion/RenderStrip.java OUT.pgm WIDTH ROWS SEED [PARTICLES_PER_BUMP]</pre>
 *
 * PARTICLES_PER_BUMP defaults to 3, the shipped model's training strip.
 */
public class RenderStrip {
    public static void main(String[] args) throws IOException {
        if (args.length != 4 && args.length != 5) {
            System.err.println("usage: RenderStrip OUT.pgm WIDTH ROWS SEED [PARTICLES_PER_BUMP]");
            System.exit(2);
        }
        int width = Integer.parseInt(args[1]);
        int rows = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        double particles = args.length == 5 ? Double.parseDouble(args[4]) : 3;
        // 16 bit, no defocus, no motion blur, no noise
        SimulatedCameraSettings settings = new SimulatedCameraSettings(width, 16, 10000, 0, 0, 0, particles,
                SimulatedCameraSettings.DEFAULT_MICRONS_PER_PIXEL, seed);
        PanelSimulator sim = new PanelSimulator(settings);
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(args[0])))) {
            out.write(("P5\n" + width + " " + rows + "\n65535\n").getBytes(StandardCharsets.US_ASCII));
            for (int from = 0; from < rows; from += 1024) {
                Image img = sim.frame(from, Math.min(1024, rows - from), 0, 0, 0).image();
                for (short v : img.samples()) {
                    out.writeShort(v);
                }
            }
        }
    }
}
