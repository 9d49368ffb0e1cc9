package io.aoi.plugin.pipeline;

import java.util.Objects;

/**
 * What a frame was actually deblurred with: the recipe revision whose settings were in the model when it ran, the
 * model's name and the passes it ran. One value, so that a result never pairs one revision's id with another
 * revision's model or passes.
 *
 * @param recipeId  {@code <recipe>-r<revision>} of the settings used
 * @param modelName the model that restored the frame (the recipe's model for a frame an overload fallback restored)
 * @param passes    the passes the frame got (0 when the recipe's model did not run)
 */
public record AppliedRecipe(String recipeId, String modelName, int passes) {
    public AppliedRecipe {
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(modelName, "modelName");
        if (passes < 0) {
            throw new IllegalArgumentException("passes = " + passes + " is not allowed; allowed: 0 or more");
        }
    }
}
