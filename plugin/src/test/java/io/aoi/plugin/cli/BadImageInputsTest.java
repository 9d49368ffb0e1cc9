package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.DecodedImage;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad inputs to {@code inspect} and {@code deblur}: each is refused with its name and reason, and the good inputs
 * beside it are still processed. Oversized images are real files over a small {@code --max-megapixels}; the
 * header-only 20000 x 20000 files are tested where the limit is checked ({@code ImageFilesTest}).
 */
class BadImageInputsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path tmp;

    private int run(String... argv) {
        return Main.standard().execute(argv, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path station() throws Exception {
        String demo = Files.readString(Path.of("..", "station-config", "examples", "demo-line.yaml"));
        Path file = tmp.resolve("station.yaml");
        Files.writeString(file, demo.replaceFirst("(?m)^  model: \\w+$", "  model: none"));
        return file;
    }

    private Path image(String name, int width, int height) throws Exception {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        ImageFiles.write(Image.blank(width, height, 1, 8), p);
        return p;
    }

    /** Writes a blank 8-bit gray+alpha PNG (which reading turns into gray, with a warning). */
    static Path grayAlphaPng(Path file, int width, int height) throws java.io.IOException {
        ComponentColorModel grayAlpha = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY),
                new int[] {8, 8}, true, false, Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        ImageIO.write(new BufferedImage(grayAlpha, grayAlpha.createCompatibleWritableRaster(width, height), false,
                null), "png", file.toFile());
        return file;
    }

    @Test
    void inspectGoesOnPastAMissingAnOversizedAndAnAlphaImageWithDistinctOverlays() throws Exception {
        Path png = image("x.png", 64, 48);
        Path tif = image("x.tif", 64, 48);
        Path missing = tmp.resolve("missing.png");
        Path big = image("big.png", 1200, 1000);
        Path alpha = grayAlphaPng(tmp.resolve("alpha.png"), 64, 48);
        Path json = tmp.resolve("out/results.json");
        Path overlays = tmp.resolve("overlays");

        int code = run("inspect", "--station", station().toString(), "--out", json.toString(), "--overlay",
                overlays.toString(), "--max-megapixels", "1", png.toString(), missing.toString(), big.toString(),
                tif.toString(), alpha.toString());

        assertEquals(1, code, err());
        JsonNode images = new ObjectMapper().readTree(json.toFile()).get("images");
        assertEquals(5, images.size());
        assertTrue(images.get(0).has("verdict"), images.get(0).toString());
        assertEquals(missing + ": no such image file", images.get(1).get("error").asText());
        assertEquals(big + ": found 1200 x 1000 pixels in the file header (1.2 megapixels); allowed: at most 1 "
                + "megapixels", images.get(2).get("error").asText());
        assertTrue(images.get(3).has("verdict"), images.get(3).toString());
        assertEquals(DecodedImage.ALPHA_DISCARDED, images.get(4).get("warnings").get(0).asText());
        assertTrue(images.get(4).has("verdict"), images.get(4).toString());
        assertTrue(Files.isRegularFile(overlays.resolve("x.png-overlay.png")));
        assertTrue(Files.isRegularFile(overlays.resolve("x.tif-overlay.png")));
        assertTrue(err().isEmpty() || !err().contains("Exception"), err());
    }

    @Test
    void inspectRefusesAnOutputThatIsAFolderBeforeAnyWork() throws Exception {
        Path png = image("a.png", 64, 48);
        Path folder = Files.createDirectories(tmp.resolve("results"));
        Path overlays = tmp.resolve("overlays");

        assertEquals(2, run("inspect", "--station", station().toString(), "--out", folder.toString(), "--overlay",
                overlays.toString(), png.toString()));

        assertTrue(err().startsWith("inspect: --out " + folder + " is a folder; allowed: the path of a file to write"),
                err());
        assertFalse(Files.exists(overlays), "nothing was done");
    }

    @Test
    void inspectRefusesOverlaysOfTwoImagesWithTheSameName() throws Exception {
        Path a = image("a/frame.png", 64, 48);
        Path b = image("b/frame.png", 64, 48);

        assertEquals(2, run("inspect", "--station", station().toString(), "--out", tmp.resolve("r.json").toString(),
                "--overlay", tmp.resolve("ov").toString(), a.toString(), b.toString()));

        assertTrue(err().contains("images " + a + " and " + b + " have the same file name, so their overlays would "
                + "overwrite each other"), err());
    }

    @Test
    void deblurGoesOnPastBadFilesAndExitsWithOne() throws Exception {
        Path first = image("in/first.png", 64, 48);
        Path missing = tmp.resolve("in/missing.png");
        Path big = image("in/big.png", 1200, 1000);
        Path garbage = Files.writeString(tmp.resolve("in/garbage.tif"), "not a tiff");
        Path last = image("in/last.tif", 64, 48);
        Path out = tmp.resolve("out");

        assertEquals(1, run("deblur", "--model", "none", "--max-megapixels", "1", "--out", out.toString(),
                first.toString(), missing.toString(), big.toString(), garbage.toString(), last.toString()));

        assertTrue(Files.isRegularFile(out.resolve("first.png")));
        assertTrue(Files.isRegularFile(out.resolve("last.tif")));
        assertFalse(Files.exists(out.resolve("big.png")));
        assertFalse(Files.exists(out.resolve("garbage.tif")));
    }

    @Test
    void theMotionModelRestoresEveryReadableFrameAcrossAMissingFileAndASizeChange() throws Exception {
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(96)
                .withLineRateHz(0).withDefocusSigmaPx(0).withMotionBlurPx(4).withNoiseSigma(0.005).withSeed(6));
        Path out = tmp.resolve("out");
        List<String> argv = new ArrayList<>(List.of("deblur", "--model", "motion", "--out", out.toString()));
        for (int i = 0; i < 2; i++) {
            Path p = tmp.resolve("seq" + i + ".png");
            ImageFiles.write(sim.render(3L * i, 64), p);
            argv.add(p.toString());
        }
        argv.add(tmp.resolve("seq2-missing.png").toString());
        Path smaller = tmp.resolve("seq3.png");
        ImageFiles.write(sim.render(9, 48), smaller);
        argv.add(smaller.toString());
        Path other = tmp.resolve("seq4.png");
        ImageFiles.write(new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(80).withLineRateHz(0)
                .withDefocusSigmaPx(0).withMotionBlurPx(4).withNoiseSigma(0.005).withSeed(7)).render(0, 48), other);
        argv.add(other.toString());

        assertEquals(1, run(argv.toArray(String[]::new)), "one file was missing");

        for (String name : List.of("seq0.png", "seq1.png", "seq3.png", "seq4.png")) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name + " restored");
        }
        assertEquals(80, ImageFiles.read(out.resolve("seq4.png")).width());
    }

    @Test
    void deblurNeverReplacesAnInput() throws Exception {
        Path in = image("in/a.png", 64, 48);
        byte[] before = Files.readAllBytes(in);

        assertEquals(2, run("deblur", "--model", "wiener", "--out", in.getParent().toString(), in.toString()));

        assertTrue(err().contains("--out " + in.getParent() + " would replace the input " + in
                + "; allowed: a folder that holds none of the inputs"), err());
        assertArrayEquals(before, Files.readAllBytes(in));
    }

    @Test
    void deblurRefusesAModelFileForWienerInsteadOfIgnoringIt() throws Exception {
        Path in = image("w/a.png", 64, 48);
        Path out = tmp.resolve("w-out");

        assertEquals(1, run("deblur", "--model", "wiener", "--model-file", "candidate.onnx", "--out", out.toString(),
                in.toString()));

        assertTrue(err().contains("deblur.modelFile candidate.onnx is given for model 'wiener', which reads no model "
                + "file"), err());
        assertFalse(Files.exists(out.resolve("a.png")), "nothing restored");
    }

    @Test
    void deblurRefusesTheSameInputGivenTwice() throws Exception {
        Path a = image("d1/x.png", 64, 48);
        Path out = tmp.resolve("out");

        assertEquals(2, run("deblur", "--model", "none", "--out", out.toString(), a.toString(), a.toString()));

        assertTrue(err().contains("image " + a + " is given twice, so its restored images would overwrite each "
                + "other; allowed: inputs with distinct file names"), err());
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void deblurRefusesTwoInputsWithTheSameName() throws Exception {
        Path a = image("a/frame.png", 64, 48);
        Path b = image("b/frame.png", 64, 48);
        Path out = tmp.resolve("out");

        assertEquals(2, run("deblur", "--model", "none", "--out", out.toString(), a.toString(), b.toString()));

        assertTrue(err().contains("images " + a + " and " + b + " have the same file name, so their restored "
                + "images would overwrite each other; allowed: inputs with distinct file names"), err());
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void aMaximumThatIsNotAPositiveNumberIsAUsageError() throws Exception {
        Path a = image("a.png", 64, 48);

        assertEquals(2, run("deblur", "--model", "none", "--max-megapixels", "0", "--out",
                tmp.resolve("o").toString(), a.toString()));

        assertTrue(err().contains("--max-megapixels 0 is not allowed; allowed: a number of megapixels greater than 0"),
                err());
    }
}
