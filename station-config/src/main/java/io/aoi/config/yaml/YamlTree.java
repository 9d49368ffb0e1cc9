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
 */
final class YamlTree {
    private static final Set<Tag> STANDARD_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.MAP, Tag.SEQ);
    static final String SECTIONS = "stationId, camera, assembly, deblur, detector, opcua and outputs";

    private final YamlSource source;
    private final Set<Node> ancestors = Collections.newSetFromMap(new IdentityHashMap<>());

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

    private static String shortTag(Tag tag) {
        String value = tag.getValue();
        return value.startsWith(Tag.PREFIX) ? "!!" + value.substring(Tag.PREFIX.length()) : value;
    }
}
