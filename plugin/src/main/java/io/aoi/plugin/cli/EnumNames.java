package io.aoi.plugin.cli;

import io.aoi.cli.CommandLines;
import io.aoi.config.DeblurRegion;
import io.aoi.config.ExecutionProvider;
import java.util.Iterator;

/**
 * The names of an enum's constants as the command line and the station files write them, in lower case: the
 * {@code completionCandidates} of enum options, so that {@code ${COMPLETION-CANDIDATES}} lists them as typed.
 * Values are read case-insensitively ({@link CommandLines}).
 */
abstract class EnumNames implements Iterable<String> {
    private final Class<? extends Enum<?>> type;

    EnumNames(Class<? extends Enum<?>> type) {
        this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
        return CommandLines.enumNames(type).iterator();
    }

    /** ONNX Runtime execution providers. */
    static final class Providers extends EnumNames {
        Providers() {
            super(ExecutionProvider.class);
        }
    }

    /** Deblur regions. */
    static final class Regions extends EnumNames {
        Regions() {
            super(DeblurRegion.class);
        }
    }
}
