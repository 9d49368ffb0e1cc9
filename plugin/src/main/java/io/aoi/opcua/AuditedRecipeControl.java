package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.InvalidSettingException;
import java.util.List;
import java.util.Map;

/**
 * A {@link RecipeControl} that writes each applied change to the {@link SecurityLog} as {@code recipe-change} lines
 * (one per changed field, old and new value, the recipe id after the change; PrepareRecipe and UnprepareRecipe as
 * field {@code PreparedRecipe}), so recipe changes outlive the
 * in-memory AuditLog. Refused changes are not recipe changes; their refusal is logged where it happens. Thread-safe
 * when the wrapped control is.
 */
final class AuditedRecipeControl implements RecipeControl {
    private final RecipeControl delegate;
    private final SecurityLog log;

    AuditedRecipeControl(RecipeControl delegate, SecurityLog log) {
        this.delegate = delegate;
        this.log = log;
    }

    @Override
    public RecipeState current() {
        return delegate.current();
    }

    @Override
    public List<String> recipeNames() {
        return delegate.recipeNames();
    }

    @Override
    public boolean isPrepared() {
        return delegate.isPrepared();
    }

    @Override
    public synchronized RecipeState prepare(String name, String user) throws InvalidSettingException {
        String before = delegate.isPrepared() ? delegate.current().recipeId() : "";
        RecipeState after = delegate.prepare(name, user);
        record(user, "PreparedRecipe", before, name, after);
        return after;
    }

    @Override
    public synchronized void unprepare(String name, String user) throws InvalidSettingException {
        delegate.unprepare(name, user);
        log.record(SecurityEvent.RECIPE_CHANGE, user, null, Map.of("field", "PreparedRecipe", "old", name, "new", ""));
    }

    @Override
    public synchronized RecipeState change(DeblurModel model, int iterations, String user)
            throws InvalidSettingException {
        RecipeState before = delegate.current();
        RecipeState after = delegate.change(model, iterations, user);
        if (before.model() != after.model()) {
            record(user, "DeblurModel", before.model().name(), after.model().name(), after);
        }
        if (before.iterations() != after.iterations()) {
            record(user, "DeblurIterations", Integer.toString(before.iterations()),
                    Integer.toString(after.iterations()), after);
        }
        return after;
    }

    private void record(String user, String field, String oldValue, String newValue, RecipeState after) {
        log.record(SecurityEvent.RECIPE_CHANGE, user, null, Map.of("field", field, "old", oldValue, "new", newValue,
                "recipeId", after.recipeId()));
    }

    @Override
    public List<AuditRecord> audit() {
        return delegate.audit();
    }
}
