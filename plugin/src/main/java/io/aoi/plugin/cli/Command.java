package io.aoi.plugin.cli;

import java.util.List;

/** One sub-command of the command-line interface. */
interface Command {
    /** The word that selects it, e.g. {@code run}. */
    String name();

    /** One line of synopsis, e.g. {@code run --station FILE [--frames N]}. */
    String synopsis();

    /** Flags (options without a value) this command accepts. */
    default java.util.Set<String> flags() {
        return java.util.Set.of();
    }

    /** Runs the command; returns the process exit code. */
    int run(Args args) throws Exception;

    /** Convenience for commands that take their inputs as positional arguments. */
    static List<String> requirePositional(Args args, String what) throws UsageException {
        List<String> p = args.positional();
        if (p.isEmpty()) {
            throw new UsageException("no " + what + " given");
        }
        return p;
    }
}
