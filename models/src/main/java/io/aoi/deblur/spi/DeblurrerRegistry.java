package io.aoi.deblur.spi;

import io.aoi.config.DeblurModel;
import io.aoi.config.InvalidSettingException;
import io.aoi.deblur.DeblurException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The installed deblurring models: the {@link DeblurrerProvider}s on a class path, by name. Names are listed with
 * the built-in models first, in the order of {@link DeblurModel#BUILT_IN}, then the others alphabetically.
 * Immutable and thread-safe.
 */
public final class DeblurrerRegistry {
    private static DeblurrerRegistry installed;

    private final Map<String, DeblurrerProvider> byName;

    private DeblurrerRegistry(Map<String, DeblurrerProvider> byName) {
        this.byName = byName;
    }

    /**
     * The providers on the class path that loaded this class, found once per process.
     *
     * @throws ServiceConfigurationError when a listed provider cannot be made, or two share a name, or a name is
     *                                   malformed; the message names the classes
     */
    public static synchronized DeblurrerRegistry installed() {
        if (installed == null) {
            installed = load(DeblurrerProvider.class.getClassLoader());
        }
        return installed;
    }

    /**
     * The providers {@code loader} finds in {@value DeblurrerProvider#SERVICE_FILE} resources, for hosts that
     * keep plugins in class loaders of their own.
     *
     * @throws ServiceConfigurationError as {@link #installed()}
     */
    public static DeblurrerRegistry load(ClassLoader loader) {
        List<DeblurrerProvider> found = new ArrayList<>();
        ServiceLoader.load(DeblurrerProvider.class, loader).forEach(found::add);
        try {
            return of(found);
        } catch (IllegalArgumentException e) {
            throw new ServiceConfigurationError(DeblurrerProvider.SERVICE_FILE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A registry of exactly these providers.
     *
     * @throws IllegalArgumentException when two share a name, or a name is malformed, or needs are missing
     */
    public static DeblurrerRegistry of(Collection<? extends DeblurrerProvider> providers) {
        List<DeblurrerProvider> sorted = new ArrayList<>(providers);
        sorted.forEach(p -> Objects.requireNonNull(p, "provider"));
        List<String> builtIn = List.copyOf(DeblurModel.builtInNames());
        sorted.sort(Comparator.comparingInt((DeblurrerProvider p) -> rank(builtIn, p.name()))
                .thenComparing(DeblurrerProvider::name));
        Map<String, DeblurrerProvider> byName = new LinkedHashMap<>();
        for (DeblurrerProvider p : sorted) {
            String name = p.name();
            try {
                new DeblurModel(name);
            } catch (InvalidSettingException e) {
                throw new IllegalArgumentException("provider " + p.getClass().getName() + " has the name '" + name
                        + "'; allowed: " + DeblurModel.NAME_RULE, e);
            }
            if (p.needs() == null) {
                throw new IllegalArgumentException("provider " + p.getClass().getName() + " states no needs");
            }
            DeblurrerProvider before = byName.putIfAbsent(name, p);
            if (before != null) {
                throw new IllegalArgumentException("providers " + before.getClass().getName() + " and "
                        + p.getClass().getName() + " both have the name '" + name + "'; allowed: one provider a name");
            }
        }
        return new DeblurrerRegistry(byName);
    }

    private static int rank(List<String> builtIn, String name) {
        int i = builtIn.indexOf(name);
        return i < 0 ? builtIn.size() : i;
    }

    /** The installed model names, built-in ones first. */
    public Set<String> names() {
        return new LinkedHashSet<>(byName.keySet());
    }

    /** The installed providers, built-in ones first. */
    public List<DeblurrerProvider> providers() {
        return List.copyOf(byName.values());
    }

    /** The provider of {@code model}, if one is installed. */
    public Optional<DeblurrerProvider> find(DeblurModel model) {
        return Optional.ofNullable(byName.get(model.name()));
    }

    /**
     * The provider of {@code model}.
     *
     * @throws DeblurException when none is installed, naming the model and the installed ones
     */
    public DeblurrerProvider provider(DeblurModel model) throws DeblurException {
        Optional<DeblurrerProvider> p = find(model);
        if (p.isEmpty()) {
            throw new DeblurException(notInstalled(model));
        }
        return p.get();
    }

    /** For example {@code deblur model 'sharpen' is not installed; installed: none, wiener, ...}. */
    public String notInstalled(DeblurModel model) {
        return "deblur model '" + model.name() + "' is not installed; installed: " + String.join(", ", byName.keySet())
                + " (a model is added by a jar on the class path that lists its provider in "
                + DeblurrerProvider.SERVICE_FILE + ")";
    }
}
