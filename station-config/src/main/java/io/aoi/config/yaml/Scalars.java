package io.aoi.config.yaml;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** Reads typed values out of scalar nodes and describes nodes for messages. Stateless. */
final class Scalars {
    static final String DURATION_ALLOWED =
            "a duration such as 500ms, 2s or 1m (a whole number followed by ms, s, m or h)";
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})\\s*(ms|s|m|h)");

    private Scalars() {
    }

    /** A decimal integer ('_' may group digits); empty for anything else, quoted numbers included. */
    static OptionalLong integer(ScalarNode node) {
        String digits = node.getValue().replace("_", "");
        if (!node.getTag().equals(Tag.INT) || !DECIMAL.matcher(digits).matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }

    /** An integer or floating-point number, including .inf and .nan; empty for anything else. */
    static OptionalDouble number(ScalarNode node) {
        if (!node.getTag().equals(Tag.INT) && !node.getTag().equals(Tag.FLOAT)) {
            return OptionalDouble.empty();
        }
        String text = node.getValue().replace("_", "").toLowerCase(Locale.ROOT);
        switch (text) {
            case ".inf", "+.inf":
                return OptionalDouble.of(Double.POSITIVE_INFINITY);
            case "-.inf":
                return OptionalDouble.of(Double.NEGATIVE_INFINITY);
            case ".nan":
                return OptionalDouble.of(Double.NaN);
            default:
                break;
        }
        try {
            return OptionalDouble.of(Double.parseDouble(text));
        } catch (NumberFormatException notDecimal) {
            return OptionalDouble.empty();
        }
    }

    /** true/false (also yes/no, on/off in any of YAML's spellings); empty for anything else. */
    static Optional<Boolean> flag(ScalarNode node) {
        if (!node.getTag().equals(Tag.BOOL)) {
            return Optional.empty();
        }
        String text = node.getValue().toLowerCase(Locale.ROOT);
        return Optional.of(text.equals("true") || text.equals("yes") || text.equals("on"));
    }

    /** A whole number followed by ms, s, m or h; empty for anything else. */
    static Optional<Duration> duration(ScalarNode node) {
        Matcher parts = DURATION.matcher(node.getValue().trim());
        if (!parts.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(parts.group(1));
        return Optional.of(switch (parts.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        });
    }

    /** What a node holds, for "found ..." messages: text in quotes, other scalars as written. */
    static String found(Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.NULL)) {
                return "nothing";
            }
            return scalar.getTag().equals(Tag.STR) ? '"' + scalar.getValue() + '"' : scalar.getValue();
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "an alias";
    }
}
