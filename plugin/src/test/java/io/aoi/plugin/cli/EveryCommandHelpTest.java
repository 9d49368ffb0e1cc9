package io.aoi.plugin.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.cli.CommandLines;
import io.aoi.config.DeblurSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * {@code --help} of the jar and of every command: exit code 0, on stdout, every option named with its default
 * (where it has one) and the allowed values of enum options.
 */
class EveryCommandHelpTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... argv) {
        out.reset();
        err.reset();
        return Main.standard().execute(argv, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static CommandLine tree() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);
        return Main.commandLine(new Streams(print, print));
    }

    @Test
    void theJarsHelpListsEveryCommandAndTheExitCodes() {
        assertEquals(0, run("--help"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String command : tree().getSubcommands().keySet()) {
            assertTrue(help.contains("  " + command + " "), command + " listed:\n" + help);
        }
        assertTrue(help.contains("2   the command line was wrong"), help);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandsHelpListsItsOptionsWithTheirDefaults() {
        Map<String, CommandLine> commands = tree().getSubcommands();
        List<String> checkedDefaults = new ArrayList<>();
        for (Map.Entry<String, CommandLine> c : commands.entrySet()) {
            if (c.getKey().equals("help")) {
                continue;
            }
            assertEquals(0, run(c.getKey(), "--help"), c.getKey() + ": " + err);
            String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(help.startsWith("usage: " + Main.NAME + " " + c.getKey()), help);
            String packed = help.replaceAll("\\s", ""); // help wraps lines, sometimes inside a value
            for (OptionSpec o : c.getValue().getCommandSpec().options()) {
                assertTrue(help.contains(o.longestName()), c.getKey() + " lists " + o.longestName() + ": " + help);
                String defaultValue = o.defaultValueString();
                // every option that takes a value and has a default must show it (flags default to off)
                if (o.arity().max() > 0 && defaultValue != null && !defaultValue.equals("null")) {
                    String shown = defaultValue.replaceAll("\\s", "");
                    assertTrue(packed.contains("Default:" + shown) || packed.contains("else" + shown),
                            c.getKey() + " " + o.longestName() + " shows its default " + defaultValue + ": " + help);
                    checkedDefaults.add(c.getKey() + " " + o.longestName());
                }
                if (o.type().isEnum()) {
                    assertTrue(packed.contains(CommandLines.allowed(o.type()).replace(" ", "")),
                            o.longestName() + ": " + help);
                }
            }
        }
        assertTrue(checkedDefaults.contains("run --frames") && checkedDefaults.contains("deblur --model")
                && checkedDefaults.contains("evaluate --sigmas") && checkedDefaults.contains("bench --models"),
                checkedDefaults.toString());
    }

    @Test
    void defaultsAreShownAsTheyAreTyped() {
        assertEquals(0, run("deblur", "--help"));
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        // the built-in models, then those the test class path installs
        assertTrue(help.contains("Deblur model: none, wiener, udbd, udbd_acf, udbd_acf_lite, motion, test_brighten, "
                + "test_median3. Default: the station's, else udbd_acf."), help);
        assertTrue(help.contains("Default: the station's, else cpu."), help);
    }

    @Test
    void theStationOptionSaysWhatEachCommandFallsBackToWithoutIt() {
        for (String command : List.of("deblur", "evaluate", "bench")) {
            assertEquals(0, run(command, "--help"), command);
            String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
            assertTrue(help.contains("Without it: the built-in deblur defaults, not the demo station's"), help);
            assertTrue(!help.contains("instead of the demo station's"), help);
            // the built-in defaults the text points at: DeblurSettings.DEFAULTS, not the demo station's model
            assertTrue(help.contains("Default: the station's, else "
                    + DeblurSettings.DEFAULTS.model().name() + "."), command + ": " + help);
        }
    }

    @Test
    void aValueOfTheWrongTypeIsAUsageErrorNamingTheOption() {
        assertEquals(2, run("run", "--station", "x.yaml", "--frames", "many"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("run: --frames 'many' is not a whole number"), text);
        assertTrue(text.contains("usage: " + Main.NAME + " run"), text);
        assertEquals(2, run("deblur", "--model", "none", "--out", "o"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("deblur: no image given"), err.toString());
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no command given; allowed: run, inspect"),
                err.toString());
    }
}
