package io.aoi.opcua;

import io.aoi.testing.Requirement;
import java.nio.file.Files;
import java.util.Optional;

/**
 * Node.js on PATH and the node-opcua client project of {@code src/test/node} installed (its {@code node_modules},
 * from the lock file), for the checks with an independent OPC UA client.
 */
public final class NodeOpcUaRequirement implements Requirement {
    @Override
    public String tag() {
        return "node";
    }

    @Override
    public String what() {
        return "Node.js and node-opcua";
    }

    @Override
    public Optional<String> missing() {
        if (!Requirement.onPath("node")) {
            return Optional.of("node is not on PATH (install Node.js 20+ and npm: apt-get install -y nodejs npm)");
        }
        if (!Files.isDirectory(NodeClientProcess.NODE_PROJECT.resolve("node_modules").resolve("node-opcua"))) {
            return Optional.of("node-opcua is not installed in " + NodeClientProcess.NODE_PROJECT
                    + " (install it: cd plugin/src/test/node && npm ci --no-audit --no-fund)");
        }
        return Optional.empty();
    }
}
