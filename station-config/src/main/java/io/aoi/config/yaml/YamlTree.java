package io.aoi.config.yaml;

import io.aoi.config.StationConfigException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Composes station text into a SnakeYAML node tree (no objects are constructed, so no tag can instantiate a
 * class) and checks the whole tree once: standard tags only, text keys only, no duplicate keys, no recursive
 * aliases.
 *
 * <p>The work is bounded whatever the text: at most {@link StationReader#MAX_TEXT_CHARS} characters, {@link #MAX_ALIASES}
 * aliases, {@link #MAX_NESTING_DEPTH} levels of nesting, and {@link #MAX_EXPANDED_VALUES} values once aliases are
 * expanded (an alias bomb under the alias limit still expands to millions of values; it is refused as soon as
 * the count passes the limit, before any reader walks it).
 */
final class YamlTree {
    private static final Set<Tag> STANDARD_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    static final String SECTIONS = "stationId, camera, assembly, deblur, detector, opcua and outputs";
    /** Aliases to lists and mappings per file (SnakeYAML's default, stated); a station file needs a handful. */
    static final int MAX_ALIASES = 50;
    /** Levels of nested mappings and lists; the deepest station field is five levels down. */
    static final int MAX_NESTING_DEPTH = 20;
    /** Values (mappings, lists, scalars, keys) in the tree with every alias expanded. */
    static final int MAX_EXPANDED_VALUES = 100_000;

    private final YamlSource source;
    private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());
    private int visited;
    /** Line of the top-level field being checked: an aliased value's own line is its anchor's. */
    private int topLine;

    private YamlTree(YamlSource source) {
        this.source = source;
    }

    /** The document's root mapping, checked. */
    static MappingNode compose(String text, YamlSource source) throws StationConfigException {
        Node root = parse(text, source);
        if (root == null || root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            throw source.fail(0, "", "the file is empty; expected a mapping with " + SECTIONS);
        }
        new YamlTree(source).check(root, "");
        if (!(root instanceof MappingNode mapping)) {
            throw source.fail(YamlSource.lineOf(root), "",
                    "expected a mapping with " + SECTIONS + ", found " + Scalars.found(root));
        }
        return mapping;
    }

    private static Node parse(String text, YamlSource source) throws StationConfigException {
        LoaderOptions options = new LoaderOptions();
        options.setProcessComments(false);
        options.setAllowRecursiveKeys(false);
        options.setCodePointLimit(StationReader.MAX_TEXT_CHARS);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        // Composing builds nodes only, never objects; every tag is let through here so that check() can reject
        // the non-standard ones with the field they are on.
        options.setTagInspector(tag -> true);
        try {
            Composer composer = new Composer(new ParserImpl(new StreamReader(text), options),
                    new CoreSchemaResolver(), options);
            return composer.getSingleNode();
        } catch (MarkedYAMLException syntax) {
            Mark mark = syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String problem = syntax.getProblem() != null ? syntax.getProblem() : syntax.getContext();
            throw source.fail(line, "", "YAML syntax error: " + problem, syntax);
        } catch (YAMLException unreadable) {
            throw source.fail(0, "", "YAML error: " + unreadable.getMessage(), unreadable);
        }
    }

    private void check(Node node, String path) throws StationConfigException {
        int line = YamlSource.lineOf(node);
        if (++visited > MAX_EXPANDED_VALUES) {
            throw source.fail(topLine, topField(path), "the document expands to more than " + MAX_EXPANDED_VALUES
                    + " values through aliases; allowed: at most " + MAX_EXPANDED_VALUES
                    + " (a station file needs a few hundred)");
        }
        if (!STANDARD_TAGS.contains(node.getTag())) {
            throw source.fail(line, path, "tag " + shortTag(node.getTag())
                    + " is not allowed; allowed: plain values, or the tags !!str, !!int, !!float, !!bool, !!null");
        }
        if (!ancestors.add(node)) {
            throw source.fail(line, path, "an alias that contains itself is not allowed");
        }
        if (node instanceof MappingNode mapping) {
            checkMapping(mapping, path);
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                check(items.get(i), path + "[" + i + "]");
            }
        }
        ancestors.remove(node);
    }

    private void checkMapping(MappingNode mapping, String path) throws StationConfigException {
        Map<String, Integer> firstLines = new HashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            Node keyNode = entry.getKeyNode();
            int line = YamlSource.lineOf(keyNode);
            if (path.isEmpty()) {
                topLine = line;
            }
            if (!(keyNode instanceof ScalarNode key) || key.getTag().equals(Tag.NULL)) {
                throw source.fail(line, path, "a key that is " + Scalars.found(keyNode)
                        + " is not allowed; allowed: field names");
            }
            String field = YamlMap.join(path, key.getValue());
            check(keyNode, field);
            Integer first = firstLines.putIfAbsent(key.getValue(), line);
            if (first != null) {
                throw source.fail(line, field, "duplicate field; it is already given on line " + first);
            }
            check(entry.getValueNode(), field);
        }
    }

    /** The top-level field of a dotted path: {@code camera} for {@code camera.features[2].name}. */
    private static String topField(String path) {
        int end = path.length();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '.' || path.charAt(i) == '[') {
                end = i;
                break;
            }
        }
        return path.substring(0, end);
    }

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
