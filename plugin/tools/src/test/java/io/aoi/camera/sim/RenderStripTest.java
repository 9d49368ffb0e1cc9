package io.aoi.camera.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.cli.CommandLines;
import io.aoi.config.SimulatedCameraSettings;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RenderStripTest {
    @TempDir
    Path dir;

    private static int run(ByteArrayOutputStream err, String... argv) {
        CommandLine cli = CommandLines.configure(new CommandLine(new RenderStrip()));
        cli.setOut(new PrintWriter(new OutputStreamWriter(new ByteArrayOutputStream(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli.execute(argv);
    }

    @Test
    void writesTheSharpSimulatorLinesAsOneSixteenBitPgm() throws Exception {
        Path pgm = dir.resolve("sub").resolve("strip.pgm");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // 1100 rows: two simulator calls, the second one short
        assertEquals(0, run(err, "--out", pgm.toString(), "--width", "96", "--rows", "1100", "--seed", "5",
                "--particles-per-bump", "12"), err.toString(StandardCharsets.UTF_8));

        byte[] bytes = Files.readAllBytes(pgm);
        byte[] header = "P5\n96 1100\n65535\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(header.length + 2 * 96 * 1100, bytes.length);
        assertArrayEquals(header, Arrays.copyOf(bytes, header.length));
        short[] expected = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(96).withBitDepth(16)
                .withDefocusSigmaPx(0).withNoiseSigma(0).withSeed(5)).frame(0, 1100, 0, 0, 0).image().samples();
        ByteBuffer body = ByteBuffer.wrap(bytes, header.length, bytes.length - header.length);
        short[] written = new short[expected.length];
        body.asShortBuffer().get(written);
        assertArrayEquals(expected, written);
        long lit = 0;
        for (short v : written) {
            lit += v != written[0] ? 1 : 0;
        }
        assertTrue(lit > 0, "the strip shows the panel, not a blank");
    }

    @Test
    void anOutOfRangeOptionExitsTwoNamingIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, run(err, "--out", dir.resolve("x.pgm").toString(), "--width", "32", "--rows", "10",
                "--seed", "1"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--width 32 is out of range; allowed: 64 to 16384"), text);
        assertTrue(Files.notExists(dir.resolve("x.pgm")));
    }
}
