package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import java.util.Objects;

/**
 * The recipe in use as far as OPC UA can see and change it.
 *
 * @param name       the recipe's name in the station file (OPC 40100 recipe id)
 * @param revision   changes applied since the station started (prepares and live edits); counts up
 * @param model      the deblur model
 * @param iterations deblur passes
 */
public record RecipeState(String name, int revision, DeblurModel model, int iterations) {
    public RecipeState {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(model, "model");
    }

    /**
     * {@code <name>-r<revision>}: identifies the exact settings a result was made with (results' InternalRecipeId,
     * the PreparedRecipeId variable).
     */
    public String recipeId() {
        return name + "-r" + revision;
    }
}
