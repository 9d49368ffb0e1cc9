package io.aoi.config.yaml;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.RecipeSettings;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional top-level {@code recipes} list: each item has a {@code name} (required), and a deblur
 * {@code model} and {@code iterations} that default to the deblur section's, and no two items the same name.
 * Without the list the station has {@link StationConfig#defaultRecipes}; an empty list is refused.
 */
final class RecipeReader {
    private RecipeReader() {
    }

    /** @param models the installed model names, in the order messages list them */
    static List<RecipeSettings> read(YamlMap root, String stationId, DeblurSettings deblur, List<String> models)
            throws StationConfigException {
        List<YamlMap> items = root.mappings("recipes", false, "a mapping with name, model and iterations");
        if (!root.has("recipes")) {
            return StationConfig.defaultRecipes(stationId, deblur);
        }
        // an empty list given is no recipe: StationConfig refuses it at the list's line
        List<RecipeSettings> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (YamlMap item : items) {
            item.allow("name", "model", "iterations");
            String name = item.text("name");
            String model = item.oneOf("model", models, deblur.model().name());
            int iterations = item.integer("iterations", deblur.iterations());
            RecipeSettings r = item.build(() -> new RecipeSettings(name, new DeblurModel(model), iterations));
            item.requireDistinct("name", name, names, "recipes", "a name no other recipe has");
            out.add(r);
        }
        return out;
    }
}
