package io.aoi.config;

/**
 * One recipe of a station: a named set of the deblur settings an engineer switches between products with (OPC
 * 40100 PrepareRecipe). The station's other deblur settings (execution provider, tiles, Wiener PSF) and its
 * detector settings apply to every recipe.
 *
 * @param name       the recipe id clients see, 1 to 64 letters, digits, '_', '.' or '-'
 * @param model      the deblur model of this recipe
 * @param iterations passes of an iterative model, 0 to {@link DeblurSettings#MAX_ITERATIONS}
 */
public record RecipeSettings(String name, DeblurModel model, int iterations) {
    public RecipeSettings {
        Check.nonBlank("name", name);
        if (!name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new InvalidSettingException("name", name, "1 to 64 letters, digits, '_', '.' or '-'");
        }
        Check.present("model", model);
        Check.intRange("iterations", iterations, 0, DeblurSettings.MAX_ITERATIONS);
    }
}
