package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.testing.NanModels;
import io.aoi.detect.Particle;
import io.aoi.eval.MatchStats;
import io.aoi.eval.ParticleMatcher;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        return Main.standard().execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The demo station with another deblur model, written next to the test's files. */
    private static Path station(Path dir, String model) throws Exception {
        String demo = Files.readString(Path.of("..", "station-config", "examples", "demo-line.yaml"));
        Path file = dir.resolve("station-" + model + ".yaml");
        Files.writeString(file, demo.replaceFirst("(?m)^  model: \\w+$", "  model: " + model));
        return file;
    }

    @Test
    void unknownCommandListsTheCommandsThatExist() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'; allowed: run, inspect, deblur, tune, evaluate"),
                err());
    }

    @Test
    void unknownOptionIsRefusedWithTheCommandsUsage() {
        assertEquals(2, run("evaluate", "--frobnicate", "3"));
        assertTrue(err().contains("unknown option --frobnicate") && err().contains("usage: " + Main.NAME + " evaluate"), err());
    }

    @Test
    void evaluationSigmaOutOfRangeNamesTheAllowedRange() {
        assertEquals(2, run("evaluate", "--sigmas", "0,9"));
        assertTrue(err().contains("allowed: 0 to 8"), err());
    }

    @Test
    void evaluationScoresTheMotionGraphGivenWithModelMotion(@TempDir Path dir) throws Exception {
        Path notAModel = Files.writeString(dir.resolve("motion-candidate.onnx"), "not an ONNX graph");
        assertEquals(1, run("evaluate", "--frames", "1", "--width", "384", "--height", "256", "--sigmas", "0",
                "--motion", "--motion-lengths", "4", "--model", "motion", "--model-file", notAModel.toString()));
        assertTrue(err().contains("motion-candidate.onnx"), "the motion arm opened the given file: " + err());
    }

    @Test
    void evaluationRunsOneDetectorPerContrastNoiseFactorAndRefusesOneOutOfRange() {
        assertEquals(0, run("evaluate", "--frames", "1", "--width", "384", "--height", "256", "--sigmas", "0",
                "--contrast-noise-factor", "0,2.5"));
        String table = out.toString(StandardCharsets.UTF_8);
        assertTrue(table.contains("| 0.0 | sharp k0 |") && table.contains("| 0.0 | sharp k2.5 |"), table);
        assertTrue(table.contains("| 0.0 | sharp k0 | ") && table.contains(" | 0.0180 |"),
                "factor 0 keeps minContrast: " + table);
        assertEquals(2, run("evaluate", "--contrast-noise-factor", "60"));
        assertTrue(err().contains("--contrast-noise-factor 60 is out of range; allowed: a number from 0 to 50"),
                err());
        assertEquals(2, run("evaluate", "--contrast-noise-factor", "1,-1"));
        assertTrue(err().contains("--contrast-noise-factor -1 is out of range; allowed: a number from 0 to 50"),
                err());
    }

    @Test
    void evaluationValuesOutOfRangeAreNamedByTheOptionTyped() {
        String[][] refused = {
            {"--particles-per-bump", "-1", "a number from 0 to 500"},
            {"--nsr", "0", "a number from 0.000001 to 1"},
            {"--station-sigma", "-1", "a number from 0.3 to 10"},
            {"--bit-depth", "12", "8 or 16"},
            {"--shear-deg", "1000", "a number from -360 to 360"},
            {"--noise", "0.5", "a number from 0 to 0.2"},
            {"--min-contrast", "2", "a number from 0.001 to 1"},
            {"--sigmas", "0,9", "0 to 8"},
        };
        for (String[] r : refused) {
            err.reset();
            assertEquals(2, run("evaluate", r[0], r[1]), r[0]);
            String value = r[1].contains(",") ? r[1].substring(r[1].indexOf(',') + 1) : r[1];
            assertTrue(err().startsWith("evaluate: " + r[0] + " " + value + " is out of range; allowed: " + r[2]),
                    err());
            assertTrue(!err().contains(" = "), "no record field named: " + err());
        }
    }

    @Test
    void deblurWithoutAnOutputFolderSaysWhatIsMissing(@TempDir Path tmp) throws Exception {
        Path img = tmp.resolve("a.png");
        ImageFiles.write(Image.blank(32, 32, 1, 8), img);
        assertEquals(2, run("deblur", "--model", "wiener", img.toString()));
        assertTrue(err().contains("missing --out"), err());
        assertEquals(2, run("deblur", "--model", "sharpen", "--out", tmp.toString(), img.toString()));
        assertTrue(err().contains("--model sharpen is not known; allowed: none, wiener, udbd, udbd_acf, udbd_acf_lite, motion"), err());
    }

    @Test
    void inspectFindsTheSimulatedParticlesAndWritesOneEntryPerImage(@TempDir Path tmp) throws Exception {
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(640)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(5));
        SimulatedFrame frame = sim.frame(300, 384);
        Path img = tmp.resolve("frame.png");
        ImageFiles.write(frame.image(), img);
        Path corrupt = tmp.resolve("corrupt.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path json = tmp.resolve("results.json");
        Path overlays = tmp.resolve("overlays");

        int code = run("inspect", "--station", station(tmp, "none").toString(), "--out", json.toString(),
                "--overlay", overlays.toString(), img.toString(), corrupt.toString());

        assertEquals(1, code, "one image failed");
        JsonNode images = new ObjectMapper().readTree(json.toFile()).get("images");
        assertEquals(2, images.size());
        JsonNode good = images.get(0);
        assertTrue(good.get("verdict").asText().matches("OK|NG"));
        List<Particle> found = new ArrayList<>();
        for (JsonNode p : good.get("particles")) {
            found.add(new Particle(p.get("x").asDouble(), p.get("y").asDouble(), p.get("radius").asDouble(),
                    p.get("score").asDouble()));
        }
        MatchStats m = ParticleMatcher.match(found, frame.particles(), 640, 384);
        assertTrue(m.f1() >= 0.95, "F1 against the simulator's truth: " + m);
        // the demo station's minContrast 0.018, raised by its contrastNoiseFactor over the bump texture
        assertTrue(good.get("contrastThreshold").asDouble() >= 0.018, good.get("contrastThreshold").toString());
        for (JsonNode b : good.get("bumps")) {
            assertEquals(b.get("count").asInt() >= 5, b.get("ok").asBoolean());
        }
        assertTrue(images.get(1).get("error").asText().contains("corrupt.png"), images.get(1).toString());
        Image overlay = ImageFiles.read(overlays.resolve("frame.png-overlay.png"));
        assertEquals(3, overlay.channels());
        assertEquals(640, overlay.width());
    }

    @Test
    void inspectGivesNoDecisionWithTheReasonForFramesItCannotJudge(@TempDir Path tmp) throws Exception {
        Path black = tmp.resolve("black.png");
        ImageFiles.write(Image.blank(256, 128, 1, 8), black);
        Path tiny = tmp.resolve("tiny.png");
        ImageFiles.write(Image.blank(1, 4096, 1, 8), tiny);
        short[] ramp = new short[512 * 256];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) ((i % 512 + i / 512) % 256);
        }
        Path pattern = tmp.resolve("pattern.png");
        ImageFiles.write(new Image(512, 256, 1, 8, ramp), pattern);
        Path json = tmp.resolve("results.json");

        assertEquals(0, run("inspect", "--station", station(tmp, "none").toString(), "--out", json.toString(),
                black.toString(), tiny.toString(), pattern.toString()), err());

        JsonNode images = new ObjectMapper().readTree(json.toFile()).get("images");
        assertEquals(3, images.size());
        for (JsonNode image : images) {
            assertEquals("NO_DECISION", image.get("verdict").asText(), image.toString());
        }
        assertTrue(images.get(0).get("reason").asText().contains("blank"), images.get(0).toString());
        assertTrue(images.get(1).get("reason").asText().contains("too small"), images.get(1).toString());
        assertTrue(images.get(2).get("reason").asText().contains("bump"), images.get(2).toString());
    }

    @Test
    void inspectWithAModelThatOutputsNaNGivesNoDecisionNotABlackOkFrame(@TempDir Path tmp) throws Exception {
        Path model = NanModels.writeSplitSet(tmp);
        String demo = Files.readString(station(tmp, "udbd"));
        Path nanStation = tmp.resolve("station-nan.yaml");
        Files.writeString(nanStation, demo.replaceFirst("(?m)^  model: udbd$", "  model: udbd\n  modelFile: "
                + model.toString().replace("\\", "/")));
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(320)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(5));
        Path img = tmp.resolve("frame.png");
        ImageFiles.write(sim.frame(0, 256).image(), img);
        Path json = tmp.resolve("results.json");

        assertEquals(0, run("inspect", "--station", nanStation.toString(), "--out", json.toString(), img.toString()),
                err());

        JsonNode entry = new ObjectMapper().readTree(json.toFile()).get("images").get(0);
        assertEquals("NO_DECISION", entry.get("verdict").asText(), entry.toString());
        assertTrue(entry.get("reason").asText().startsWith("deblur output unusable: udbd output is not finite"),
                entry.toString());
    }

    @Test
    void deblurKeepsSizeBitDepthAndChannelsOfEachImage(@TempDir Path tmp) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path mono16 = in.resolve("mono16.tif");
        Path rgb8 = in.resolve("rgb8.png");
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(96)
                .withBitDepth(16).withLineRateHz(0).withDefocusSigmaPx(2).withNoiseSigma(0.005).withSeed(3));
        ImageFiles.write(sim.render(0, 64), mono16);
        Image gray = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(80).withLineRateHz(0)
                .withDefocusSigmaPx(2).withNoiseSigma(0.005).withSeed(4)).render(0, 48);
        float[] plane = gray.channelAsFloat(0);
        ImageFiles.write(Image.fromFloatChannels(80, 48, 8, plane, plane, plane), rgb8);
        Path outDir = tmp.resolve("out");

        assertEquals(0, run("deblur", "--model", "wiener", "--out", outDir.toString(), mono16.toString(),
                rgb8.toString()), err());

        Image a = ImageFiles.read(outDir.resolve("mono16.tif"));
        assertEquals(List.of(96, 64, 1, 16), List.of(a.width(), a.height(), a.channels(), a.bitDepth()));
        Image b = ImageFiles.read(outDir.resolve("rgb8.png"));
        assertEquals(List.of(80, 48, 3, 8), List.of(b.width(), b.height(), b.channels(), b.bitDepth()));
    }

    @Test
    void deblurWithTheMotionModelRestoresEveryImageOfTheSequence(@TempDir Path tmp) throws Exception {
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(96)
                .withLineRateHz(0).withDefocusSigmaPx(0).withMotionBlurPx(4).withNoiseSigma(0.005).withSeed(6));
        List<String> argv = new ArrayList<>(List.of("deblur", "--model", "motion", "--out",
                tmp.resolve("out").toString()));
        for (int i = 0; i < 3; i++) {
            Path p = tmp.resolve("seq" + i + ".png");
            ImageFiles.write(sim.render(3L * i, 64), p); // the panel moves 3 lines per frame
            argv.add(p.toString());
        }

        assertEquals(0, run(argv.toArray(String[]::new)), err());

        for (int i = 0; i < 3; i++) {
            Image restored = ImageFiles.read(tmp.resolve("out").resolve("seq" + i + ".png"));
            assertEquals(List.of(96, 64, 1, 8), List.of(restored.width(), restored.height(), restored.channels(),
                    restored.bitDepth()));
        }
    }

    @Test
    void tuneWritesAContactSheetATableAndARecommendation(@TempDir Path tmp) throws Exception {
        Path img = tmp.resolve("defocused.png");
        ImageFiles.write(new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(192).withLineRateHz(0)
                .withSeed(9))
                .render(100, 128), img);
        Path outDir = tmp.resolve("tune");

        assertEquals(0, run("tune", "--station", station(tmp, "udbd").toString(), "--out", outDir.toString(),
                img.toString()), err());

        List<String> csv = Files.readAllLines(outDir.resolve("tuning.csv"));
        assertEquals(5, csv.size(), "header and passes 0..3: " + csv);
        assertTrue(csv.get(0).startsWith("image,passes,passes_run,"), csv.get(0));
        assertTrue(csv.get(1).startsWith("defocused.png,0,0,"), csv.get(1));
        for (int p = 1; p <= 3; p++) {
            int run = Integer.parseInt(csv.get(p + 1).split(",")[2]);
            assertTrue(run >= 1 && run <= p, "at most the passes asked for, and the first always: " + csv);
        }
        String rec = Files.readString(outDir.resolve("recommendation.txt"));
        assertTrue(rec.matches("(?s)recommended iterations: [0-3]\nreason: .+"), rec);
        Image sheet = ImageFiles.read(outDir.resolve("defocused.png-passes.png"));
        assertTrue(sheet.width() > 4 * 192, "four panels side by side: " + sheet);
        java.awt.image.BufferedImage plot = javax.imageio.ImageIO.read(outDir.resolve("particles-vs-passes.png")
                .toFile());
        assertTrue(plot != null && plot.getWidth() > 0 && plot.getHeight() > 0, "the plot decodes as a PNG");
        assertTrue(err().contains("tune: 1/1 done in"), "progress on stderr: " + err());
    }

    @Test
    void deblurOfTwoFilesShowsProgressWithTheStepCountOnStderr(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a.png");
        Path b = tmp.resolve("b.png");
        ImageFiles.write(Image.blank(64, 48, 1, 8), a);
        ImageFiles.write(Image.blank(64, 48, 1, 8), b);

        assertEquals(0, run("deblur", "--model", "none", "--out", tmp.resolve("out").toString(), a.toString(),
                b.toString()), err());

        assertTrue(err().matches("(?s).*deblur: 2/2 done in \\d+s.*"), "progress closing line: " + err());
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("2/2"), "progress stays off stdout");
    }

    @Test
    void tuneRefusesAStationWhoseModelIsNotIterative(@TempDir Path tmp) throws Exception {
        Path img = tmp.resolve("a.png");
        ImageFiles.write(Image.blank(64, 64, 1, 8), img);
        assertEquals(2, run("tune", "--station", station(tmp, "wiener").toString(), "--out", tmp.toString(),
                img.toString()));
        assertTrue(err().contains("needs an iterative model: udbd, udbd_acf"), err());
    }
}
