package io.aoi.camera.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderPanelsTest {
    @TempDir
    Path dir;

    private static RenderPanelsOptions options(Path out, double defocus, double noise) {
        return RenderPanelsOptions.parse(List.of("--out", out.toString(), "--count", "3", "--width", "96",
                "--height", "80", "--seed", "4", "--defocus", Double.toString(defocus), "--noise",
                Double.toString(noise)));
    }

    @Test
    void writesCropsAndTruthThatShowTheParticles() throws Exception {
        int written = RenderPanels.render(options(dir, 0, 0));
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
        RenderPanels.render(options(sharp, 0, 0));
        RenderPanels.render(options(blurred, 2, 0.01));
        assertEquals(Files.readAllLines(sharp.resolve("truth.csv"), StandardCharsets.UTF_8),
                Files.readAllLines(blurred.resolve("truth.csv"), StandardCharsets.UTF_8));
        Image a = ImageFiles.read(sharp.resolve("panel_00000.png"));
        Image b = ImageFiles.read(blurred.resolve("panel_00000.png"));
        assertTrue(!Arrays.equals(a.samples(), b.samples()));
        Path again = dir.resolve("again");
        RenderPanels.render(options(again, 0, 0));
        assertArrayEquals(a.samples(), ImageFiles.read(again.resolve("panel_00000.png")).samples());
    }

    @Test
    void rejectsMissingAndOutOfRangeOptions() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> RenderPanelsOptions.parse(List.of("--out", "x", "--count", "1")));
        assertTrue(missing.getMessage().startsWith("missing --"), missing.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> RenderPanelsOptions.parse(List.of("--out", "x", "--count", "1", "--width", "64",
                        "--height", "64", "--seed", "1", "--defocus", "9")));
        assertTrue(range.getMessage().contains("--defocus"), range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RenderPanelsOptions.parse(List.of("--colour", "red")));
    }
}
