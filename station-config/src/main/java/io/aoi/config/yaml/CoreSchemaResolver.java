package io.aoi.config.yaml;

import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Resolves plain scalars to booleans, integers, floats and nulls only. Timestamps, merge keys ({@code <<}) and the
 * other YAML 1.1 extras stay text, so a node carrying any other tag was tagged explicitly in the file.
 */
final class CoreSchemaResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
        addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
        addImplicitResolver(Tag.INT, INT, "-+0123456789");
        addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
        addImplicitResolver(Tag.NULL, NULL, "~nN\0");
        addImplicitResolver(Tag.NULL, EMPTY, null);
    }
}
