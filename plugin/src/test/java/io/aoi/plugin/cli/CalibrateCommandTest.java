package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.DetectorSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfigLoader;
import io.aoi.image.ImageFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    private static final Path DEMO = Path.of("..", "station-config", "examples", "demo-line.yaml");

    private static int run(String... argv) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        return Main.standard().execute(argv, new PrintStream(sink, true, StandardCharsets.UTF_8),
                new PrintStream(sink, true, StandardCharsets.UTF_8));
    }

    private static Path frame(Path dir, String name, double shearDeg, long firstLine, double sigma)
            throws Exception {
        PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(640)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(9), shearDeg);
        Path file = dir.resolve(name);
        ImageFiles.write(sim.frame(firstLine, 384, sigma, 0, 0.01).image(), file);
        return file;
    }

    @Test
    void writesTheShearDirectionOfRecordedFramesIntoAStationFile(@TempDir Path tmp) throws Exception {
        Path a = frame(tmp, "a.png", 65, 300, 0);
        Path b = frame(tmp, "b.png", 65, 900, 2.5);
        Path station = tmp.resolve("demo-line.yaml");
        Files.copy(DEMO, station);
        Path out = tmp.resolve("calibrated.yaml");
        assertEquals(0, run("calibrate", "--station", station.toString(), "--out", out.toString(), a.toString(),
                b.toString()));
        DetectorSettings calibrated = StationConfigLoader.load(out).detector();
        assertEquals(65, calibrated.illuminationAngleDeg(), 3);
        assertFalse(calibrated.illuminationAngleAuto());
        String before = Files.readString(DEMO);
        String after = Files.readString(out);
        assertEquals(before.lines().count() + (before.contains("illuminationAngleDeg:") ? 0 : 1),
                after.lines().count(), "one line set, the rest (comments too) kept");
    }

    @Test
    void writesTheFallbackOfAStationThatEstimatesPerFrame(@TempDir Path tmp) throws Exception {
        Path station = tmp.resolve("auto.yaml");
        Files.writeString(station, StationFileEdit.set(Files.readString(DEMO), "detector", "illuminationAngleDeg",
                "auto"));
        Path a = frame(tmp, "a.png", -100, 300, 0);
        assertEquals(0, run("calibrate", "--station", station.toString(), "--out", station.toString(),
                a.toString()));
        DetectorSettings calibrated = StationConfigLoader.load(station).detector();
        assertTrue(calibrated.illuminationAngleAuto());
        assertEquals(-100, calibrated.illuminationAngleDeg(), 3);
    }

    @Test
    void refusesACopyInAnotherFolderWhoseRelativePathsWouldPointElsewhere(@TempDir Path tmp) throws Exception {
        Path station = tmp.resolve("demo-line.yaml");
        Files.copy(DEMO, station);
        Path a = frame(tmp, "a.png", 65, 300, 0);
        Path out = tmp.resolve("sub").resolve("calibrated.yaml");
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);

        int exit = Main.standard().execute(new String[] {"calibrate", "--station", station.toString(), "--out",
                out.toString(), a.toString()}, print, print);

        String printed = sink.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, printed);
        assertFalse(Files.exists(out));
        assertTrue(printed.contains("so its opcua, outputs section(s) would point at other files"), printed);
        assertTrue(printed.contains("allowed: a file in " + tmp), printed);
        assertFalse(printed.contains("shear direction"), "refused before any frame is read: " + printed);
    }

    @Test
    void failsAndWritesNothingWithoutParticles(@TempDir Path tmp) throws Exception {
        PanelSimulator bare = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(640)
                .withLineRateHz(0).withDefocusSigmaPx(0).withParticlesPerBump(0).withSeed(9));
        Path a = tmp.resolve("bare.png");
        ImageFiles.write(bare.frame(300, 384, 0, 0, 0.01).image(), a);
        Path station = tmp.resolve("demo-line.yaml");
        Files.copy(DEMO, station);
        Path out = tmp.resolve("never.yaml");
        assertEquals(1, run("calibrate", "--station", station.toString(), "--out", out.toString(), a.toString()));
        assertFalse(Files.exists(out));
    }

    @Test
    void editsOneFieldOfASectionAndKeepsTheRest() {
        String yaml = "a: 1\ndetector:\n  # comment\n  minContrast: 0.02\n  illuminationAngleDeg: 0 # old\nopcua:\n"
                + "  illuminationAngleDeg: 9\n";
        assertEquals("a: 1\ndetector:\n  # comment\n  minContrast: 0.02\n  illuminationAngleDeg: 12.5\nopcua:\n"
                + "  illuminationAngleDeg: 9\n", StationFileEdit.set(yaml, "detector", "illuminationAngleDeg", "12.5"));
        assertEquals("detector:\n  illuminationAngleDeg: 3\n  minContrast: 0.02\n",
                StationFileEdit.set("detector:\n  minContrast: 0.02\n", "detector", "illuminationAngleDeg", "3"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StationFileEdit.set("camera: {}\n", "detector", "x", "1"));
        assertTrue(e.getMessage().contains("'detector:'"), e.getMessage());
    }
}
