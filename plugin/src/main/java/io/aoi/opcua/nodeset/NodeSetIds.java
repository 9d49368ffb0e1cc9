package io.aoi.opcua.nodeset;

import java.util.List;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.NamespaceTable;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;

/**
 * Turns the NodeIds, aliases and browse names of one NodeSet2 file into the server's: the file's namespace index n
 * (1-based in its NamespaceUris) becomes the server's index of that URI; index 0 stays 0.
 */
final class NodeSetIds {
    private final int[] serverIndex;
    private final Map<String, String> aliases;
    private final String source;

    NodeSetIds(List<String> fileUris, NamespaceTable table, Map<String, String> aliases, String source)
            throws NodeSetException {
        this.serverIndex = new int[fileUris.size() + 1];
        for (int i = 0; i < fileUris.size(); i++) {
            UShort idx = table.getIndex(fileUris.get(i));
            if (idx == null) {
                throw new NodeSetException(source + ": namespace " + fileUris.get(i)
                        + " is not registered in the server; register it before loading");
            }
            serverIndex[i + 1] = idx.intValue();
        }
        this.aliases = Map.copyOf(aliases);
        this.source = source;
    }

    /** A NodeId or an alias as the file writes it, in the server's indices. */
    NodeId nodeId(String text) throws NodeSetException {
        String t = aliases.getOrDefault(text.trim(), text.trim());
        NodeId raw = NodeId.parseOrNull(t);
        if (raw == null) {
            throw new NodeSetException(source + ": '" + text + "' is neither a NodeId nor a known alias");
        }
        int ns = raw.getNamespaceIndex().intValue();
        if (ns == 0) {
            return raw;
        }
        int mapped = index(ns, text);
        if (raw.getIdentifier() instanceof UInteger i) {
            return new NodeId(mapped, i);
        }
        if (raw.getIdentifier() instanceof String s) {
            return new NodeId(mapped, s);
        }
        throw new NodeSetException(source + ": NodeId '" + text + "' is neither numeric nor a string; not supported");
    }

    /** {@code n:Name} or {@code Name} (namespace 0). */
    QualifiedName browseName(String text) throws NodeSetException {
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isDigit)) {
            int ns = Integer.parseInt(text.substring(0, colon));
            return new QualifiedName(ns == 0 ? 0 : index(ns, text), text.substring(colon + 1));
        }
        return new QualifiedName(0, text);
    }

    private int index(int fileIndex, String text) throws NodeSetException {
        if (fileIndex >= serverIndex.length) {
            throw new NodeSetException(source + ": '" + text + "' uses namespace index " + fileIndex
                    + "; the file declares " + (serverIndex.length - 1) + " namespace(s)");
        }
        return serverIndex[fileIndex];
    }
}
