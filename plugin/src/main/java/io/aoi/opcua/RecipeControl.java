package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.InvalidSettingException;
import java.util.List;

/**
 * The pipeline's recipes, as the OPC UA server reads and changes them. A recipe is a named set of the station's
 * deblur settings, declared in the station file; one of them is prepared (in use) at a time, or none after
 * UnprepareRecipe. Implemented by the pipeline (or by {@link InMemoryRecipeControl}); called from OPC UA service
 * threads, so implementations are thread-safe. Every change is recorded as an {@link AuditRecord}.
 */
public interface RecipeControl {
    /** The recipe in use now (the last prepared one, also while none is prepared). */
    RecipeState current();

    /** Names of the recipes the station declares, in declaration order. */
    List<String> recipeNames();

    /** Whether a recipe is prepared; false after {@link #unprepare} until the next {@link #prepare}. */
    boolean isPrepared();

    /**
     * Makes the named recipe the one in use, with its declared settings.
     *
     * @param user who asked
     * @throws InvalidSettingException when no recipe has this name; nothing changes then
     */
    RecipeState prepare(String name, String user) throws InvalidSettingException;

    /**
     * Unprepares the named recipe, which must be the prepared one.
     *
     * @throws InvalidSettingException when it is not the prepared recipe; nothing changes then
     */
    void unprepare(String name, String user) throws InvalidSettingException;

    /**
     * Validates and applies a new model and iteration count to the prepared recipe (also while running) and records
     * an audit entry per changed field.
     *
     * @param user who asked for the change
     * @return the recipe in use after the change
     * @throws InvalidSettingException when the values are not allowed; nothing is changed then
     */
    RecipeState change(DeblurModel model, int iterations, String user) throws InvalidSettingException;

    /** Audit entries, oldest first. */
    List<AuditRecord> audit();
}
