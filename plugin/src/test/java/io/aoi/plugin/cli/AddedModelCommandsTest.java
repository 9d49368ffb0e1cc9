package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import io.aoi.plugin.deblur.BrightenProvider;
import io.aoi.plugin.deblur.Median3Provider;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model added through the service file (the test class path's {@link BrightenProvider} and
 * {@link Median3Provider}) is named by a station file or {@code --model} and run by {@code deblur}, with no change
 * to the commands.
 */
class AddedModelCommandsTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    private int run(String... argv) {
        return Main.standard().execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The demo station with another model and pass count. */
    private Path station(String model, int iterations) throws Exception {
        String demo = Files.readString(Path.of("..", "station-config", "examples", "demo-line.yaml"));
        Path file = tmp.resolve("station-" + model + ".yaml");
        Files.writeString(file, demo.replaceFirst("(?m)^  model: \\w+$", "  model: " + model)
                .replaceFirst("(?m)^  iterations: \\d+$", "  iterations: " + iterations));
        return file;
    }

    private List<Path> images(int count) throws Exception {
        Random random = new Random(11);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            short[] s = new short[40 * 24];
            for (int k = 0; k < s.length; k++) {
                s[k] = (short) random.nextInt(256);
            }
            Path p = tmp.resolve("in" + i + ".png");
            ImageFiles.write(new Image(40, 24, 1, 8, s), p);
            files.add(p);
        }
        return files;
    }

    @Test
    void aStationFileNamesAnAddedModelAndItsPassesReachIt() throws Exception {
        List<Path> in = images(2);
        Path outDir = tmp.resolve("out");

        assertEquals(0, run("deblur", "--station", station(BrightenProvider.NAME, 2).toString(), "--out",
                outDir.toString(), in.get(0).toString(), in.get(1).toString()), err());

        for (Path p : in) {
            Image restored = ImageFiles.read(outDir.resolve(p.getFileName()));
            Image expected = BrightenProvider.brightened(ImageFiles.read(p), 2);
            assertTrue(Arrays.equals(expected.samples(), restored.samples()), p + ": 20 added to every sample");
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains(BrightenProvider.NAME), out.toString());
    }

    @Test
    void anAddedThreeFrameModelRestoresEachImageFromItsNeighbours() throws Exception {
        List<Path> in = images(3);
        Path outDir = tmp.resolve("out");
        List<String> argv = new ArrayList<>(List.of("deblur", "--model", Median3Provider.NAME, "--out",
                outDir.toString()));
        in.forEach(p -> argv.add(p.toString()));

        assertEquals(0, run(argv.toArray(String[]::new)), err());

        Image a = ImageFiles.read(in.get(0));
        Image b = ImageFiles.read(in.get(1));
        Image c = ImageFiles.read(in.get(2));
        List<Image> expected = List.of(Median3Provider.median(a, a, b), Median3Provider.median(a, b, c),
                Median3Provider.median(b, c, c));
        for (int i = 0; i < 3; i++) {
            Image restored = ImageFiles.read(outDir.resolve(in.get(i).getFileName()));
            assertTrue(Arrays.equals(expected.get(i).samples(), restored.samples()), in.get(i).toString());
        }
    }

    @Test
    void aStationFileNamingNoInstalledModelFailsWithItsLineAndTheInstalledNames() throws Exception {
        Path file = station("sharpen", 1);
        int line = Files.readAllLines(file).indexOf("  model: sharpen") + 1;

        assertEquals(1, run("deblur", "--station", file.toString(), "--out", tmp.resolve("out").toString(),
                images(1).get(0).toString()));

        assertTrue(err().contains(file + ":" + line + ": deblur.model: sharpen is not allowed; allowed: none, wiener, "
                + "udbd, udbd_acf, udbd_acf_lite, motion, test_brighten, test_median3"), err());
    }
}
