package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.aravis.AravisBenchmark;
import io.aoi.camera.aravis.AravisSoak;
import io.aoi.camera.sim.RenderPanels;
import io.aoi.camera.sim.SimulatorBenchmark;
import io.aoi.cli.CommandLines;
import io.aoi.deblur.bench.DeblurBenchmark;
import io.aoi.deblur.motion.MotionBenchmark;
import io.aoi.eval.DetectorBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The tool {@code main}s (renderer, benchmarks, soak) answer {@code --help} with exit code 0, before any work (no
 * camera started, no model loaded), listing every option and argument; a wrong argument exits 2 with the usage.
 */
class ToolHelpTest {
    private static final List<Class<?>> TOOLS = List.of(RenderPanels.class, SimulatorBenchmark.class,
            AravisBenchmark.class, AravisSoak.class, DeblurBenchmark.class, MotionBenchmark.class,
            DetectorBenchmark.class);

    private static CommandLine tool(Class<?> type, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        CommandLine cli = CommandLines.configure(new CommandLine(type));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli;
    }

    @Test
    void everyToolPrintsItsHelp() {
        for (Class<?> type : TOOLS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandLine cli = tool(type, out, err);
            assertEquals(0, cli.execute("--help"), type.getSimpleName() + ": " + err);
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.startsWith("usage: " + type.getSimpleName()), help);
            for (ArgSpec arg : cli.getCommandSpec().args()) {
                String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
                assertTrue(help.contains(name), type.getSimpleName() + " lists " + name + ":\n" + help);
            }
        }
    }

    @Test
    void aWrongArgumentExitsTwoWithTheUsage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, tool(DeblurBenchmark.class, out, err).execute("--width", "wide"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("DeblurBenchmark: --width 'wide' is not a whole number"), text);
        assertTrue(text.contains("usage: DeblurBenchmark"), text);
    }
}
