package io.aoi.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.cli.CommandLines;
import io.aoi.opcua.bench.OpcUaBenchmark;
import io.aoi.opcua.bench.SecurityBenchmark;
import io.aoi.results.journal.JournalBenchmark;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The benchmarks on the plugin's test classpath (journal, OPC UA, security) answer {@code --help} with exit code 0
 * before any work, listing every option; a wrong value exits 2 naming it.
 */
class TestBenchmarkHelpTest {
    private static final List<Class<?>> BENCHMARKS = List.of(JournalBenchmark.class, OpcUaBenchmark.class,
            SecurityBenchmark.class);

    private static CommandLine cli(Class<?> type, ByteArrayOutputStream out, ByteArrayOutputStream err) {
        CommandLine cli = CommandLines.configure(new CommandLine(type));
        cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return cli;
    }

    @Test
    void everyBenchmarkPrintsItsHelp() {
        for (Class<?> type : BENCHMARKS) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CommandLine cli = cli(type, out, err);
            assertEquals(0, cli.execute("--help"), type.getSimpleName() + ": " + err);
            String help = out.toString(StandardCharsets.UTF_8);
            assertTrue(help.startsWith("usage: " + type.getSimpleName()), help);
            for (OptionSpec option : cli.getCommandSpec().options()) {
                assertTrue(help.contains(option.longestName()), type.getSimpleName() + " lists "
                        + option.longestName() + ":\n" + help);
            }
        }
    }

    @Test
    void aWrongValueExitsTwoNamingTheOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, cli(JournalBenchmark.class, out, err).execute("--results", "many"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("JournalBenchmark: --results 'many' is not a whole number"), text);
        err.reset();
        assertEquals(2, cli(OpcUaBenchmark.class, out, err).execute("--window", "0"));
        text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("OpcUaBenchmark: --window 0 is out of range; allowed: 1 or more"), text);
    }
}
