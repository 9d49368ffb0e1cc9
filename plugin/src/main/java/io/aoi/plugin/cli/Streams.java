package io.aoi.plugin.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where one command-line run writes: results and summaries on {@code out}, warnings, per-file errors and progress
 * on {@code err}. Commands write only here, never to {@code System.out}/{@code System.err}, so that an embedding
 * caller (and a test) sees everything a command prints.
 */
record Streams(PrintStream out, PrintStream err) {
    Streams {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
