package io.aoi.plugin.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Options ({@code --name value}), flags ({@code --name}) and positional arguments of one command.
 * Every option and flag the command does not read is reported by {@link #requireAllUsed()}.
 */
public final class Args {
    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> used = new HashSet<>();

    /**
     * @param flagNames names (without dashes) that take no value
     */
    public static Args parse(List<String> argv, Set<String> flagNames) throws UsageException {
        Args a = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String s = argv.get(i);
            if (s.startsWith("--")) {
                String name = s.substring(2);
                if (flagNames.contains(name)) {
                    a.flags.add(name);
                } else if (i + 1 < argv.size()) {
                    a.options.put(name, argv.get(++i));
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    public Optional<String> option(String name) {
        used.add(name);
        return Optional.ofNullable(options.get(name));
    }

    public String required(String name) throws UsageException {
        return option(name).orElseThrow(() -> new UsageException("missing --" + name));
    }

    public Path requiredPath(String name) throws UsageException {
        return Path.of(required(name));
    }

    public int intOption(String name, int fallback, int min, int max) throws UsageException {
        Optional<String> v = option(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.get());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " " + n + " is out of range; allowed: " + min + " to " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " '" + v.get() + "' is not a whole number");
        }
    }

    /** A decimal number, or the fallback when the option is absent. */
    public double number(String name, double fallback) throws UsageException {
        Optional<String> v = option(name);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Double.parseDouble(v.get());
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " '" + v.get() + "' is not a number");
        }
    }

    /** A comma-separated list of numbers, e.g. {@code --sigmas 0,2,2.5}, or the fallback when absent. */
    public List<Double> numbers(String name, List<Double> fallback) throws UsageException {
        Optional<String> v = option(name);
        if (v.isEmpty()) {
            return fallback;
        }
        List<Double> out = new java.util.ArrayList<>();
        for (String part : v.get().split(",")) {
            try {
                out.add(Double.parseDouble(part.trim()));
            } catch (NumberFormatException e) {
                throw new UsageException("--" + name + " '" + v.get() + "': '" + part + "' is not a number");
            }
        }
        return out;
    }

    /** A comma-separated list of words, trimmed, or the fallback when absent. */
    public List<String> words(String name, List<String> fallback) {
        Optional<String> v = option(name);
        if (v.isEmpty()) {
            return fallback;
        }
        List<String> out = new java.util.ArrayList<>();
        for (String part : v.get().split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    public boolean flag(String name) {
        used.add(name);
        return flags.contains(name);
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Fails on options the command did not read, so that typos are not silently ignored. */
    public void requireAllUsed() throws UsageException {
        for (String name : options.keySet()) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
        for (String name : flags) {
            if (!used.contains(name)) {
                throw new UsageException("unknown option --" + name);
            }
        }
    }
}
