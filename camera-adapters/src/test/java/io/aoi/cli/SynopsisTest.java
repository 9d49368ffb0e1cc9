package io.aoi.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Synopses wrapped at spaces only: every option of the help's first lines stays whole. */
class SynopsisTest {

    /** Options whose labels picocli broke at their '.' or ',' when they met the line's end. */
    @Command(name = "java -jar aoi-plugin.jar evaluate", mixinStandardHelpOptions = true)
    static final class Evaluate implements Runnable {
        @Option(names = "--iterations", paramLabel = "N")
        int iterations;
        @Option(names = "--min-contrast", paramLabel = "F")
        double minContrast;
        @Option(names = "--model", paramLabel = "NAME")
        String model;
        @Option(names = "--model-file", paramLabel = "FILE.onnx")
        String modelFile;
        @Option(names = "--noise", paramLabel = "F")
        double noise;
        @Option(names = "--out", paramLabel = "FILE.md")
        String out;
        @Option(names = "--particles-per-bump", paramLabel = "N")
        int particles;
        @Option(names = "--motion-lengths", paramLabel = "PX", split = ",")
        double[] motionLengths;
        @Option(names = "--contrast-noise-factor", paramLabel = "K", split = ",")
        double[] factors;
        @Parameters(paramLabel = "IMAGE")
        List<String> images;

        @Override
        public void run() {
        }
    }

    private static String help() {
        CommandLine cli = CommandLines.configure(new CommandLine(new Evaluate()));
        StringWriter text = new StringWriter();
        cli.usage(new PrintWriter(text));
        String help = text.toString();
        return help.substring(0, help.indexOf(System.lineSeparator() + System.lineSeparator()));
    }

    @Test
    void everyOptionOfTheSynopsisIsWholeOnItsLineAndNoLineIsTooWide() {
        List<String> lines = Arrays.asList(help().split(System.lineSeparator()));

        assertTrue(lines.get(0).startsWith("usage: java -jar aoi-plugin.jar evaluate ["), lines.get(0));
        assertTrue(lines.size() > 2, "wrapped: " + lines);
        for (String line : lines) {
            assertTrue(line.length() <= 80, "at most 80 wide: " + line);
            String words = line.strip();
            long open = words.chars().filter(c -> c == '[').count();
            long close = words.chars().filter(c -> c == ']').count();
            assertEquals(open, close, "an option cut at the line's end: " + line);
        }
        String joined = String.join(" ", lines.stream().map(String::strip).toList());
        assertTrue(joined.contains("[--model-file=FILE.onnx]") && joined.contains("[--out=FILE.md]")
                && joined.contains("[--motion-lengths=PX[,PX...]]..."), joined);
    }

    @Test
    void continuationLinesAreIndentedUnderTheHeadingWhenTheCommandNameIsLong() {
        List<String> lines = Arrays.asList(help().split(System.lineSeparator()));

        // "usage: " + a 33-character name is more than half of 80: under the heading, as picocli indents it
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.startsWith("       [") || line.startsWith("       IMAGE"), line);
        }
    }

    @Test
    void wrapPutsAWordLongerThanTheWidthAloneOnItsLine() {
        assertEquals(List.of("ab", "  cdefghij", "  k"), Synopsis.wrap("ab cdefghij k", 0, 2, 6));
    }
}
