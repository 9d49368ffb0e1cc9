package io.aoi.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.cli.CommandLines;
import io.aoi.deblur.bench.DeblurBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The tool {@code main}s (renderer, benchmarks, soak) answer {@code --help} with exit code 0, before any work (no
 * camera started, no model loaded), listing every option and argument; a wrong argument exits 2 with the usage.
 * The tools jar's own entry point lists every tool and runs each by its name.
 */
class ToolHelpTest {
    private static CommandLine withStreams(CommandLine cli, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli;
    }

    private static CommandLine tool(Class<?> type, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        return withStreams(CommandLines.configure(new CommandLine(type)), out, err);
    }

    @Test
    void everyToolPrintsItsHelp() {
        for (Class<?> type : Tools.TOOLS) {
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

    @Test
    void theJarListsEveryToolAndRunsEachByName() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine jar = withStreams(Tools.commandLine(), out, err);
        assertEquals(0, jar.execute("--help"), err.toString(StandardCharsets.UTF_8));
        String help = out.toString(StandardCharsets.UTF_8);
        for (Class<?> type : Tools.TOOLS) {
            assertTrue(help.contains(type.getSimpleName()), "the jar's help lists " + type.getSimpleName() + ":\n"
                    + help);
        }
        out.reset();
        assertEquals(0, jar.execute("SimulatorBenchmark", "--help"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("usage: " + Tools.NAME + " SimulatorBenchmark"),
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noToolExitsTwoNamingTheTools() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, withStreams(Tools.commandLine(), out, err).execute());
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("no tool given; allowed: RenderPanels, RenderStrip, SimulatorBenchmark"), text);
    }
}
