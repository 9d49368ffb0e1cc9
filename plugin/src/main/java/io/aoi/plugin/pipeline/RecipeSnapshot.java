package io.aoi.plugin.pipeline;

import io.aoi.config.DeblurSettings;
import java.util.Objects;

/**
 * The recipe in force at one instant: its revision's id and the deblur settings of that revision, read together
 * as one value, so that a frame deblurred with these settings is stamped with this id and no other.
 *
 * @param recipeId {@code <recipe>-r<revision>} (results' InternalRecipeId)
 * @param settings the deblur settings of that revision
 */
public record RecipeSnapshot(String recipeId, DeblurSettings settings) {
    public RecipeSnapshot {
        Objects.requireNonNull(recipeId, "recipeId");
        Objects.requireNonNull(settings, "settings");
        if (recipeId.isBlank()) {
            throw new IllegalArgumentException("recipeId must not be blank");
        }
    }
}
