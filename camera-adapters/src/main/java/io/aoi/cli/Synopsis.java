package io.aoi.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * A command's synopsis wrapped at spaces only, so that every option stays whole on its line: picocli's own wrapping
 * also breaks inside an option, after a '.' or ',' ({@code [--model-file=FILE.} / {@code onnx]}). Continuation
 * lines are indented under the first option, or under the heading when the command name takes more than half the
 * width, as picocli does.
 */
final class Synopsis {
    /** Wide enough that picocli puts the whole synopsis on one line. */
    private static final int UNWRAPPED_WIDTH = 100_000;

    private Synopsis() {
    }

    /** The synopsis of {@code help}'s command without its heading, ending with a line break. */
    static String of(CommandLine.Help help) {
        UsageMessageSpec usage = help.commandSpec().usageMessage();
        int width = usage.width();
        String line;
        usage.width(UNWRAPPED_WIDTH);
        try {
            line = help.synopsis(0).strip();
        } finally {
            usage.width(width);
        }
        int heading = help.synopsisHeadingLength();
        String name = help.commandSpec().qualifiedName();
        int indent = heading + name.length() + 1 <= width / 2 ? heading + name.length() + 1 : heading;
        return String.join(System.lineSeparator(), wrap(line, heading, indent, width)) + System.lineSeparator();
    }

    /** {@code text}'s words in lines of at most {@code width} (a longer word alone), the first after {@code first}. */
    static List<String> wrap(String text, int first, int indent, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int used = first;
        boolean empty = true;
        for (String word : text.split(" +")) {
            if (!empty && used + 1 + word.length() > width) {
                lines.add(current.toString());
                current = new StringBuilder(" ".repeat(indent));
                used = indent;
                empty = true;
            }
            if (!empty) {
                current.append(' ');
                used++;
            }
            current.append(word);
            used += word.length();
            empty = false;
        }
        lines.add(current.toString());
        return lines;
    }
}
