package io.aoi.plugin.cli;

import picocli.CommandLine.Option;

/** {@code -h}/{@code --help} for every command: prints its options with their defaults and allowed values. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
}
