package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.RecipeSettings;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.RecipeSnapshot;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link RecipeControl} over the recipes of a station file, held in memory: each recipe overrides the deblur
 * model and passes of the station's deblur settings (validated with {@link DeblurSettings#with}). The first recipe
 * is prepared at start. Keeps an audit trail (prepare, unprepare and every changed field). The pipeline reads
 * {@link #snapshot()} for every frame, so a change applies from the next frame, and the frame is stamped with the
 * revision of the settings it got. Thread-safe.
 */
public final class InMemoryRecipeControl implements RecipeControl {
    /** Audit entries kept; older ones are forgotten. */
    public static final int MAX_AUDIT_RECORDS = 1000;

    private final Map<String, DeblurSettings> recipes = new LinkedHashMap<>();
    private final Clock clock;
    private final List<AuditRecord> audit = new ArrayList<>();
    private String name;
    private DeblurSettings settings;
    private boolean prepared = true;
    private int revision;

    /** One recipe, named {@code recipeName}, with the station's deblur settings. */
    public InMemoryRecipeControl(String recipeName, DeblurSettings initial) {
        this(List.of(new RecipeSettings(recipeName, initial.model(), initial.iterations())), initial,
                Clock.systemUTC());
    }

    /**
     * The station file's recipes over its deblur settings; the first one is prepared.
     *
     * @param recipes  at least one, distinct names (the station file's loader checks both)
     * @param station  the station's deblur settings, whose model and passes each recipe overrides
     */
    public InMemoryRecipeControl(List<RecipeSettings> recipes, DeblurSettings station) {
        this(recipes, station, Clock.systemUTC());
    }

    InMemoryRecipeControl(List<RecipeSettings> recipes, DeblurSettings station, Clock clock) {
        Objects.requireNonNull(station, "station");
        if (recipes.isEmpty()) {
            throw new IllegalArgumentException("a station needs at least one recipe");
        }
        for (RecipeSettings r : recipes) {
            if (this.recipes.put(r.name(), station.with(r.model(), r.iterations())) != null) {
                throw new IllegalArgumentException("recipe name " + r.name() + " is declared twice");
            }
        }
        this.clock = clock;
        this.name = recipes.get(0).name();
        this.settings = this.recipes.get(name);
    }

    @Override
    public synchronized RecipeState current() {
        return new RecipeState(name, revision, settings.model(), settings.iterations());
    }

    @Override
    public synchronized List<String> recipeNames() {
        return List.copyOf(recipes.keySet());
    }

    @Override
    public synchronized boolean isPrepared() {
        return prepared;
    }

    @Override
    public synchronized RecipeState prepare(String recipeName, String user) {
        DeblurSettings next = recipes.get(recipeName);
        if (next == null) {
            throw new InvalidSettingException("recipe", recipeName, "one of " + recipes.keySet());
        }
        record(user, "PreparedRecipe", prepared ? name : "(none)", recipeName);
        name = recipeName;
        prepared = true;
        revision++;
        settings = next;
        return current();
    }

    @Override
    public synchronized void unprepare(String recipeName, String user) {
        if (!prepared || !name.equals(recipeName)) {
            throw new InvalidSettingException("recipe", recipeName,
                    prepared ? "the prepared recipe " + name : "none: no recipe is prepared");
        }
        record(user, "PreparedRecipe", name, "(none)");
        prepared = false;
        revision++;
    }

    @Override
    public synchronized RecipeState change(DeblurModel model, int iterations, String user) {
        Set<String> installed = Deblurrers.names();
        if (model == null || !installed.contains(model.name())) {
            throw new InvalidSettingException("model", model == null ? "(missing)" : model.name(),
                    "one of " + installed);
        }
        DeblurSettings next = settings.with(model, iterations);
        if (next.equals(settings)) {
            return current();
        }
        if (!next.model().equals(settings.model())) {
            record(user, "DeblurModel", settings.model().name(), next.model().name());
        }
        if (next.iterations() != settings.iterations()) {
            record(user, "DeblurIterations", Integer.toString(settings.iterations()),
                    Integer.toString(next.iterations()));
        }
        settings = next;
        revision++;
        return current();
    }

    private void record(String user, String field, String oldValue, String newValue) {
        audit.add(new AuditRecord(clock.instant(), user, field, oldValue, newValue));
        if (audit.size() > MAX_AUDIT_RECORDS) {
            audit.remove(0);
        }
    }

    /** The settings in use now. */
    public synchronized DeblurSettings settings() {
        return settings;
    }

    /**
     * The settings in use now with the id of their revision ({@link RecipeState#recipeId()}), read under one lock:
     * the pipeline deblurs a frame with these settings and stamps it with this id.
     */
    public synchronized RecipeSnapshot snapshot() {
        return new RecipeSnapshot(current().recipeId(), settings);
    }

    @Override
    public synchronized List<AuditRecord> audit() {
        return List.copyOf(audit);
    }
}
