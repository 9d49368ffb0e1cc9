package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.InvalidSettingException;
import java.util.List;

/**
 * The pipeline's recipe, as the OPC UA server reads and changes it. Implemented by the pipeline (or by
 * {@link InMemoryRecipeControl}); called from OPC UA service threads, so implementations are thread-safe.
 */
public interface RecipeControl {
    /** The recipe in use now. */
    RecipeState current();

    /**
     * Validates and applies a new model and iteration count (also while running) and records an audit entry per
     * changed field.
     *
     * @param user who asked for the change
     * @return the recipe in use after the change
     * @throws InvalidSettingException when the values are not allowed; nothing is changed then
     */
    RecipeState change(DeblurModel model, int iterations, String user) throws InvalidSettingException;

    /** Audit entries, oldest first. */
    List<AuditRecord> audit();
}
