package io.aoi.camera.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.cli.CommandLines;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderPanelsTest {
    @TempDir
    Path dir;

    private static RenderPanels options(Path out, double defocus, double noise) {
        return RenderPanels.parse("--out", out.toString(), "--count", "3", "--width", "96",
                "--height", "80", "--seed", "4", "--defocus", Double.toString(defocus), "--noise",
                Double.toString(noise));
    }

    /** Runs the tool as its main does, without exiting; returns the exit code. */
    private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... argv) {
        CommandLine cli = CommandLines.configure(new CommandLine(new RenderPanels()));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli.execute(argv);
    }

    @Test
    void writesCropsAndTruthThatShowTheParticles() throws Exception {
        int written = options(dir, 0, 0).render();
        List<String> truth = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        assertEquals("file,x,y,radius,contrast,bump", truth.get(0));
        assertEquals(written + 1, truth.size());
        assertTrue(written > 0, "some particles in 3 crops");
        for (String line : truth.subList(1, truth.size())) {
            String[] f = line.split(",", -1);
            Image crop = ImageFiles.read(dir.resolve(f[0]));
            assertEquals(96, crop.width());
            assertEquals(80, crop.height());
            long x = Math.round(Double.parseDouble(f[1]));
            long y = Math.round(Double.parseDouble(f[2]));
            assertTrue(x >= 0 && x < 96 && y >= 0 && y < 80, line);
        }
        assertTrue(Files.readAllLines(dir.resolve("bumps.csv"), StandardCharsets.UTF_8).get(0).startsWith("file,bump"));
    }

    @Test
    void blurredRunHasTheSameTruthAsTheSharpRun() throws Exception {
        Path sharp = dir.resolve("sharp");
        Path blurred = dir.resolve("blurred");
        options(sharp, 0, 0).render();
        options(blurred, 2, 0.01).render();
        assertEquals(Files.readAllLines(sharp.resolve("truth.csv"), StandardCharsets.UTF_8),
                Files.readAllLines(blurred.resolve("truth.csv"), StandardCharsets.UTF_8));
        Image a = ImageFiles.read(sharp.resolve("panel_00000.png"));
        Image b = ImageFiles.read(blurred.resolve("panel_00000.png"));
        assertTrue(!Arrays.equals(a.samples(), b.samples()));
        Path again = dir.resolve("again");
        options(again, 0, 0).render();
        assertArrayEquals(a.samples(), ImageFiles.read(again.resolve("panel_00000.png")).samples());
    }

    @Test
    void shearDirectionTurnsTheReliefAndKeepsTheTruth() throws Exception {
        Path along = dir.resolve("along");
        Path up = dir.resolve("up");
        options(along, 0, 0).render();
        RenderPanels.parse("--out", up.toString(), "--count", "3", "--width", "96", "--height", "80", "--seed", "4",
                "--shear-deg", "90").render();
        List<String> truth = Files.readAllLines(along.resolve("truth.csv"), StandardCharsets.UTF_8);
        assertEquals(truth, Files.readAllLines(up.resolve("truth.csv"), StandardCharsets.UTF_8));
        double[] alongXy = reliefSteps(along, truth);
        double[] upXy = reliefSteps(up, truth);
        // lit from +x: bright towards +x, nothing up or down; at 90 degrees bright upwards (towards -y)
        assertTrue(alongXy[0] > 5 * Math.abs(alongXy[1]), Arrays.toString(alongXy));
        assertTrue(upXy[1] > 5 * Math.abs(upXy[0]), Arrays.toString(upXy));
    }

    /** Summed over the particles: (brightness right minus left, up minus down) half a radius from the centre. */
    private static double[] reliefSteps(Path crops, List<String> truth) throws Exception {
        double sx = 0;
        double sy = 0;
        for (String line : truth.subList(1, truth.size())) {
            String[] f = line.split(",", -1);
            Image crop = ImageFiles.read(crops.resolve(f[0]));
            int x = (int) Math.round(Double.parseDouble(f[1]));
            int y = (int) Math.round(Double.parseDouble(f[2]));
            int d = (int) Math.max(1, Math.round(Double.parseDouble(f[3]) / 2));
            if (x - d >= 0 && x + d < crop.width() && y - d >= 0 && y + d < crop.height()) {
                sx += sample(crop, x + d, y) - sample(crop, x - d, y);
                sy += sample(crop, x, y - d) - sample(crop, x, y + d);
            }
        }
        return new double[] {sx, sy};
    }

    private static int sample(Image crop, int x, int y) {
        return crop.samples()[(y * crop.width() + x) * crop.channels()];
    }

    @Test
    void rejectsMissingAndOutOfRangeOptionsWithExitCodeTwo() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(out, err, "--out", "x", "--count", "1"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("RenderPanels: missing --"), err.toString());
        err.reset();
        assertEquals(2, run(out, err, "--out", "x", "--count", "1", "--width", "64", "--height", "64", "--seed", "1",
                "--defocus", "9"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "RenderPanels: --defocus 9.0 is out of range; allowed: 0 to 8"), err.toString());
        err.reset();
        assertEquals(2, run(out, err, "--out", "x", "--count", "1", "--width", "64", "--height", "64", "--seed",
                "1", "--colour", "red"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("RenderPanels: unknown option --colour"),
                err.toString());
        err.reset();
        assertEquals(2, run(out, err, "--out", "x", "--count", "1", "--width", "64", "--height", "64", "--seed",
                "1", "--shear-deg", "400"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith(
                "RenderPanels: --shear-deg 400.0 is out of range; allowed: -360 to 360"), err.toString());
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, run(out, err, "--help"));
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        for (String option : List.of("--out", "--count", "--width", "--height", "--seed", "--defocus", "--motion",
                "--noise", "--bits", "--particles-per-bump", "--shear-deg")) {
            assertTrue(help.contains(option), option + ": " + help);
        }
        assertTrue(help.contains("Default: 12.0.") && help.contains("Bit depth, 8 or 16. Default: 8."), help);
    }
}
