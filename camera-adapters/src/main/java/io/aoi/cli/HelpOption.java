package io.aoi.cli;

import picocli.CommandLine.Option;

/**
 * {@code -h}/{@code --help} (a picocli mixin) for every command and tool: prints its options with their defaults
 * and allowed values and exits 0.
 */
public final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
