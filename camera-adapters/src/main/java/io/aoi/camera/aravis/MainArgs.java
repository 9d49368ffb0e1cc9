package io.aoi.camera.aravis;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of the benchmark commands, with typed defaults; unknown names are refused. */
final class MainArgs {
    private final Map<String, String> values = new HashMap<>();

    MainArgs(String[] args, Set<String> allowed) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || !allowed.contains(a.substring(2)) || i + 1 >= args.length) {
                throw new IllegalArgumentException("bad option '" + a + "'; allowed: --"
                        + String.join(" <value>, --", allowed.stream().sorted().toList()) + " <value>");
            }
            values.put(a.substring(2), args[++i]);
        }
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double number(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }
}
