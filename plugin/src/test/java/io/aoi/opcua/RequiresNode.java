package io.aoi.opcua;

import io.aoi.testing.Requires;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/** Runs a node-opcua client ({@link NodeOpcUaRequirement}); tagged {@code node}. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("node")
@Requires(NodeOpcUaRequirement.class)
public @interface RequiresNode {
}
