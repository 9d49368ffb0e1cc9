package io.aoi.plugin.cli;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.testing.NanModels;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The inputs behind {@code inspect-output-pre-jackson.json} (the {@code inspect} output file as the encoder before
 * Jackson data binding wrote it), and the runs that produce that output: a simulated panel frame (a verdict with
 * particles and bumps), a blank frame (NO_DECISION with a reason), a gray+alpha frame (a warning), a corrupt and a
 * missing file (errors), and a frame through a model whose output is NaN (the "deblur output unusable" entry).
 * Paths in the output are under the run's folder, written as {@value #DIR} in the fixture.
 */
final class InspectOutputFixtureInputs {
    /** Stands for the run's folder in the fixture. */
    static final String DIR = "$DIR";

    private InspectOutputFixtureInputs() {
    }

    /** Runs {@code inspect} on the fixture inputs in {@code dir} and returns its output file with {@link #DIR}. */
    static String run(Path dir) throws Exception {
        Path frame = dir.resolve("frame.png");
        ImageFiles.write(new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(640).withLineRateHz(0)
                .withDefocusSigmaPx(0).withSeed(5)).frame(300, 384).image(), frame);
        Path black = dir.resolve("black.png");
        ImageFiles.write(Image.blank(256, 128, 1, 8), black);
        Path alpha = BadImageInputsTest.grayAlphaPng(dir.resolve("alpha.png"), 64, 48);
        Path corrupt = dir.resolve("corrupt.png");
        Files.write(corrupt, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path missing = dir.resolve("missing.png");
        String demo = Files.readString(Path.of("..", "station-config", "examples", "demo-line.yaml"));
        Path none = dir.resolve("station-none.yaml");
        Files.writeString(none, demo.replaceFirst("(?m)^  model: \\w+$", "  model: none"));
        Path nan = dir.resolve("station-nan.yaml");
        Files.writeString(nan, demo.replaceFirst("(?m)^  model: \\w+$", "  model: udbd\n  modelFile: "
                + NanModels.writeSplitSet(dir).toString().replace("\\", "/")));

        List<String> outputs = new ArrayList<>();
        outputs.add(inspect(dir, "a.json", none, frame, black, alpha, corrupt, missing));
        outputs.add(inspect(dir, "b.json", nan, frame));
        return "[" + String.join(",\n", outputs) + "]\n";
    }

    private static String inspect(Path dir, String out, Path station, Path... images) throws Exception {
        List<String> argv = new ArrayList<>(List.of("inspect", "--station", station.toString(), "--out",
                dir.resolve(out).toString()));
        for (Path p : images) {
            argv.add(p.toString());
        }
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
        Main.standard().execute(argv.toArray(String[]::new), ps, ps);
        return Files.readString(dir.resolve(out)).replace(dir.toString(), DIR).strip();
    }
}
