package io.aoi.plugin.cli;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.ExecutionProvider;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The names of an enum's constants as the command line and the station files write them, in lower case: the
 * {@code completionCandidates} of enum options (so that {@code ${COMPLETION-CANDIDATES}} lists them as typed) and
 * the "allowed:" part of their errors. Values are read case-insensitively.
 */
abstract class EnumNames implements Iterable<String> {
    private final Class<? extends Enum<?>> type;

    EnumNames(Class<? extends Enum<?>> type) {
        this.type = type;
    }

    @Override
    public Iterator<String> iterator() {
        return names(type).iterator();
    }

    /** The constants of {@code type} in lower case, in declaration order. */
    static List<String> names(Class<?> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** {@code none, wiener, udbd...}: the allowed values of an enum option. */
    static String allowed(Class<?> type) {
        return String.join(", ", names(type));
    }

    /** Deblur models. */
    static final class Models extends EnumNames {
        Models() {
            super(DeblurModel.class);
        }
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
