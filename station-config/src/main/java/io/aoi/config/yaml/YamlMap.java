package io.aoi.config.yaml;

import io.aoi.config.Check;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.StationConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One YAML mapping of a station file (a section, or an item of a list) with typed, line-aware access to its
 * fields. Every failure is a {@link StationConfigException} naming the file, the line, the dotted field path,
 * the value found and what is allowed. A field given as {@code null} or left empty counts as absent.
 *
 * <p>Single-threaded; lives only while one file is read.
 */
final class YamlMap {
    private final YamlSource source;
    private final String path;
    private final int line;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMap(YamlSource source, String path, int line, MappingNode node) {
        this.source = source;
        this.path = path;
        this.line = line;
        for (NodeTuple entry : node.getValue()) {
            entries.put(((ScalarNode) entry.getKeyNode()).getValue(), entry);
        }
    }

    /** The root mapping of a checked tree (see {@link YamlTree}); a missing section has no line (0). */
    static YamlMap root(MappingNode node, YamlSource source) {
        return new YamlMap(source, "", 0, node);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    YamlSource source() {
        return source;
    }

    /** Rejects any field not named here, suggesting the nearest allowed name. */
    YamlMap allow(String... fields) throws StationConfigException {
        List<String> allowed = List.of(fields);
        for (NodeTuple entry : entries.values()) {
            String key = ((ScalarNode) entry.getKeyNode()).getValue();
            if (!allowed.contains(key)) {
                String hint = FieldNames.nearest(key, allowed).map(name -> " (did you mean " + name + "?)").orElse("");
                throw source.fail(YamlSource.lineOf(entry.getKeyNode()), join(path, key),
                        "unknown field" + hint + "; allowed: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    int integer(String key) throws StationConfigException {
        return toInt(key, integerValue(key, required(key, "an integer")));
    }

    int integer(String key, int fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "an integer");
        return node.isEmpty() ? fallback : toInt(key, integerValue(key, node.get()));
    }

    long longInteger(String key, long fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "an integer");
        return node.isEmpty() ? fallback : integerValue(key, node.get());
    }

    double number(String key) throws StationConfigException {
        return numberValue(key, required(key, "a number"));
    }

    double number(String key, double fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "a number");
        return node.isEmpty() ? fallback : numberValue(key, node.get());
    }

    /**
     * A number, or {@code word} written exactly so (then empty); absent: {@code fallback}. A value that is
     * neither names both in its error.
     */
    OptionalDouble numberOr(String key, String word, double fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "a number or " + word);
        if (node.isEmpty()) {
            return OptionalDouble.of(fallback);
        }
        if (node.get().getValue().equals(word)) {
            return OptionalDouble.empty();
        }
        OptionalDouble value = Scalars.number(node.get());
        if (value.isEmpty()) {
            throw wrongType(key, "a number or " + word);
        }
        return value;
    }

    /** Whether {@code key} is given (a null value counts as absent). */
    boolean has(String key) {
        return value(key).isPresent();
    }

    /** A number that may be left out (empty then). */
    OptionalDouble optionalNumber(String key) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "a number");
        return node.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(numberValue(key, node.get()));
    }

    boolean flag(String key, boolean fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "true or false");
        if (node.isEmpty()) {
            return fallback;
        }
        return Scalars.flag(node.get()).orElseThrow(() -> wrongType(key, "true or false"));
    }

    String text(String key) throws StationConfigException {
        return required(key, "text").getValue();
    }

    String text(String key, String fallback) throws StationConfigException {
        return scalar(key, "text").map(ScalarNode::getValue).orElse(fallback);
    }

    Optional<String> optionalText(String key) throws StationConfigException {
        return scalar(key, "text").map(ScalarNode::getValue);
    }

    /** One of {@code allowed}, written exactly so. */
    String oneOf(String key, List<String> allowed) throws StationConfigException {
        String expected = "one of " + String.join(", ", allowed);
        String value = required(key, expected).getValue();
        if (!allowed.contains(value)) {
            throw notAllowed(key, value, String.join(", ", allowed));
        }
        return value;
    }

    /** One of {@code allowed}, written exactly so; absent: {@code fallback}. */
    String oneOf(String key, List<String> allowed, String fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "one of " + String.join(", ", allowed));
        if (node.isEmpty()) {
            return fallback;
        }
        String value = node.get().getValue();
        if (!allowed.contains(value)) {
            throw notAllowed(key, value, String.join(", ", allowed));
        }
        return value;
    }

    /** An enum constant written in lower case. */
    <E extends Enum<E>> E choice(String key, Class<E> type) throws StationConfigException {
        return parseChoice(key, type, required(key, "one of " + choices(type)));
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "one of " + choices(type));
        return node.isEmpty() ? fallback : parseChoice(key, type, node.get());
    }

    <E extends Enum<E>> Optional<E> optionalChoice(String key, Class<E> type) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "one of " + choices(type));
        return node.isEmpty() ? Optional.empty() : Optional.of(parseChoice(key, type, node.get()));
    }

    /** A path; a relative one resolves against the station file's folder. */
    Path path(String key) throws StationConfigException {
        return pathValue(key, required(key, "a path"));
    }

    Optional<Path> optionalPath(String key) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, "a path");
        return node.isEmpty() ? Optional.empty() : Optional.of(pathValue(key, node.get()));
    }

    Duration duration(String key, Duration fallback) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, Scalars.DURATION_ALLOWED);
        if (node.isEmpty()) {
            return fallback;
        }
        return Scalars.duration(node.get())
                .orElseThrow(() -> notAllowed(key, node.get().getValue(), Scalars.DURATION_ALLOWED));
    }

    /** A required nested mapping. */
    YamlMap section(String key) throws StationConfigException {
        Optional<Node> node = value(key);
        if (node.isEmpty()) {
            throw source.fail(lineOfKey(key), join(path, key), "required section is missing");
        }
        if (!(node.get() instanceof MappingNode mapping)) {
            throw wrongType(key, "a mapping of fields");
        }
        return new YamlMap(source, join(path, key), lineOfKey(key), mapping);
    }

    /**
     * A list of mappings, each item addressed as {@code key[i]} (0-based).
     *
     * @param required whether an absent list is an error rather than an empty list
     * @param itemKind what one item is, for messages (for example "a mapping with name and value")
     */
    List<YamlMap> mappings(String key, boolean required, String itemKind) throws StationConfigException {
        Optional<Node> node = value(key);
        if (node.isEmpty()) {
            if (required) {
                throw source.fail(lineOfKey(key), join(path, key), "required field is missing; expected a list of "
                        + itemKind);
            }
            return List.of();
        }
        if (!(node.get() instanceof SequenceNode sequence)) {
            throw wrongType(key, "a list of " + itemKind);
        }
        List<YamlMap> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String itemPath = join(path, key) + "[" + items.size() + "]";
            if (!(item instanceof MappingNode mapping)) {
                throw source.fail(YamlSource.lineOf(item), itemPath,
                        "expected " + itemKind + ", found " + Scalars.found(item));
            }
            items.add(new YamlMap(source, itemPath, YamlSource.lineOf(item), mapping));
        }
        return items;
    }

    /**
     * Runs a settings record's constructor and turns its {@link InvalidSettingException} into a
     * {@link StationConfigException} at the line of the offending field of this mapping.
     *
     * @param keysByField YAML keys of record components named differently in the file
     */
    <T> T build(Supplier<T> constructor, Map<String, String> keysByField) throws StationConfigException {
        try {
            return constructor.get();
        } catch (InvalidSettingException invalid) {
            String key = keysByField.getOrDefault(invalid.field(), invalid.field());
            Optional<Node> given = value(key);
            String shown;
            if (invalid.value() instanceof String text) {
                shown = text;
            } else if (given.isPresent() && given.get() instanceof ScalarNode scalar) {
                shown = scalar.getValue();
            } else if (invalid.value() instanceof Number number) {
                shown = Check.number(number.doubleValue());
            } else {
                shown = String.valueOf(invalid.value());
            }
            throw source.fail(lineOfKey(key), join(path, key),
                    shown + " is not allowed; allowed: " + invalid.allowed(), invalid);
        }
    }

    <T> T build(Supplier<T> constructor) throws StationConfigException {
        return build(constructor, Map.of());
    }

    /**
     * Refuses the value of {@code key} in this list item when an earlier item of the list already has it, naming
     * that item; otherwise adds it to {@code earlier}.
     *
     * @param earlier  the values of the earlier items, in list order; this item's value is added to it
     * @param list     the list's key, for the message ({@code rectangles})
     * @param allowed  what a value must be, for the message ({@code an id no other rectangle has})
     */
    void requireDistinct(String key, String value, List<String> earlier, String list, String allowed)
            throws StationConfigException {
        int first = earlier.indexOf(value);
        if (first >= 0) {
            throw notAllowed(key, value, allowed + "; " + list + "[" + first + "] is already " + value);
        }
        earlier.add(value);
    }

    /** A value of {@code key} outside what is allowed. */
    StationConfigException notAllowed(String key, String shown, String allowed) {
        return source.fail(lineOfKey(key), join(path, key), shown + " is not allowed; allowed: " + allowed);
    }

    private Optional<Node> value(String key) {
        NodeTuple entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        Node node = entry.getValueNode();
        if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return Optional.empty();
        }
        return Optional.of(node);
    }

    private int lineOfKey(String key) {
        NodeTuple entry = entries.get(key);
        return entry == null ? line : YamlSource.lineOf(entry.getKeyNode());
    }

    private Optional<ScalarNode> scalar(String key, String expected) throws StationConfigException {
        Optional<Node> node = value(key);
        if (node.isPresent() && !(node.get() instanceof ScalarNode)) {
            throw wrongType(key, expected);
        }
        return node.map(ScalarNode.class::cast);
    }

    private ScalarNode required(String key, String expected) throws StationConfigException {
        Optional<ScalarNode> node = scalar(key, expected);
        if (node.isEmpty()) {
            throw source.fail(lineOfKey(key), join(path, key), "required field is missing; expected " + expected);
        }
        return node.get();
    }

    private StationConfigException wrongType(String key, String expected) {
        Node node = entries.get(key).getValueNode();
        return source.fail(lineOfKey(key), join(path, key), "expected " + expected + ", found " + Scalars.found(node));
    }

    private long integerValue(String key, ScalarNode node) throws StationConfigException {
        OptionalLong value = Scalars.integer(node);
        if (value.isEmpty()) {
            throw wrongType(key, "an integer");
        }
        return value.getAsLong();
    }

    private int toInt(String key, long value) throws StationConfigException {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw notAllowed(key, Long.toString(value), "an integer from " + Integer.MIN_VALUE + " to "
                    + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    private double numberValue(String key, ScalarNode node) throws StationConfigException {
        OptionalDouble value = Scalars.number(node);
        if (value.isEmpty()) {
            throw wrongType(key, "a number");
        }
        return value.getAsDouble();
    }

    private <E extends Enum<E>> E parseChoice(String key, Class<E> type, ScalarNode node)
            throws StationConfigException {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(node.getValue())) {
                return constant;
            }
        }
        throw notAllowed(key, node.getValue(), choices(type));
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT));
        }
        return String.join(", ", names);
    }

    private Path pathValue(String key, ScalarNode node) throws StationConfigException {
        return source.resolve(node.getValue())
                .orElseThrow(() -> notAllowed(key, node.getValue(), "a file system path"));
    }
}
