package io.aoi.config.yaml;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.RecipeSettings;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the optional top-level {@code recipes} list: each item has a {@code name} (required), and a deblur
 * {@code model} and {@code iterations} that default to the deblur section's. Without the list the station has
 * {@link StationConfig#defaultRecipes}.
 */
final class RecipeReader {
    private RecipeReader() {
    }

    /** @param models the installed model names, in the order messages list them */
    static List<RecipeSettings> read(YamlMap root, String stationId, DeblurSettings deblur, List<String> models)
            throws StationConfigException {
        List<YamlMap> items = root.mappings("recipes", false, "a mapping with name, model and iterations");
        if (items.isEmpty()) {
            return StationConfig.defaultRecipes(stationId, deblur);
        }
        List<RecipeSettings> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (YamlMap item : items) {
            item.allow("name", "model", "iterations");
            String name = item.text("name");
            String model = item.oneOf("model", models, deblur.model().name());
            int iterations = item.integer("iterations", deblur.iterations());
            RecipeSettings r = item.build(() -> new RecipeSettings(name, new DeblurModel(model), iterations));
            if (names.contains(name)) {
                item.build(() -> {
                    throw new InvalidSettingException("name", name,
                            "a name no other recipe has; recipes[" + names.indexOf(name) + "] is already " + name);
                });
            }
            names.add(name);
            out.add(r);
        }
        return out;
    }
}
