package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import java.util.Objects;

/**
 * The prepared recipe as far as OPC UA can see and change it.
 *
 * @param recipeId   identifier of the prepared recipe (OPC 40100 InternalRecipeId); changes with every change
 * @param model      the deblur model
 * @param iterations deblur passes
 */
public record RecipeState(String recipeId, DeblurModel model, int iterations) {
    public RecipeState {
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(model, "model");
    }
}
