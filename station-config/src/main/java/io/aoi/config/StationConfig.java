package io.aoi.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One inspection station, as loaded from its YAML file. Immutable; every part validated on construction.
 *
 * @param stationId short identifier used in result records and OPC UA browse names
 * @param recipes   the recipes engineers switch between (OPC UA PrepareRecipe), at least one, distinct names; the
 *                  first is prepared at start. Without a {@code recipes} list the station has one recipe, named
 *                  after the station, with the deblur section's model and passes ({@link #defaultRecipes})
 */
public record StationConfig(
        String stationId,
        CameraSettings camera,
        FrameAssemblySettings assembly,
        DeblurSettings deblur,
        DetectorSettings detector,
        OpcUaSettings opcua,
        OutputSettings outputs,
        List<RecipeSettings> recipes) {
    private static final String STATION_ID = "[A-Za-z0-9_.-]{1,64}";

    public StationConfig {
        Check.nonBlank("stationId", stationId);
        if (!stationId.matches(STATION_ID)) {
            throw new InvalidSettingException("stationId", stationId, "1 to 64 letters, digits, '_', '.' or '-'");
        }
        Check.present("camera", camera);
        Check.present("assembly", assembly);
        Check.present("deblur", deblur);
        Check.present("detector", detector);
        Check.present("opcua", opcua);
        Check.present("outputs", outputs);
        Check.present("recipes", recipes);
        recipes = List.copyOf(recipes);
        if (recipes.isEmpty()) {
            throw new InvalidSettingException("recipes", "[]", "at least one recipe; leave the list out for one "
                    + "recipe from the deblur section");
        }
        Set<String> names = new HashSet<>();
        for (RecipeSettings r : recipes) {
            if (!names.add(r.name())) {
                throw new InvalidSettingException("recipes", r.name(), "distinct recipe names; " + r.name()
                        + " is declared twice");
            }
        }
    }

    /** A station with the default recipes ({@link #defaultRecipes}). */
    public StationConfig(String stationId, CameraSettings camera, FrameAssemblySettings assembly,
            DeblurSettings deblur, DetectorSettings detector, OpcUaSettings opcua, OutputSettings outputs) {
        this(stationId, camera, assembly, deblur, detector, opcua, outputs, defaultRecipes(stationId, deblur));
    }

    /**
     * One recipe named after the station, with the deblur settings' model and passes; none when the station id or
     * the deblur settings are themselves invalid (the constructor then reports those).
     */
    public static List<RecipeSettings> defaultRecipes(String stationId, DeblurSettings deblur) {
        if (stationId == null || deblur == null || !stationId.matches(STATION_ID)) {
            return List.of();
        }
        return List.of(new RecipeSettings(stationId, deblur.model(), deblur.iterations()));
    }

    /** A copy with other recipes, validated like the original. */
    public StationConfig withRecipes(List<RecipeSettings> newRecipes) {
        return new StationConfig(stationId, camera, assembly, deblur, detector, opcua, outputs, newRecipes);
    }

    /** A copy with other outputs (for example another journal folder), validated like the original. */
    public StationConfig withOutputs(OutputSettings newOutputs) {
        return new StationConfig(stationId, camera, assembly, deblur, detector, opcua, newOutputs, recipes);
    }
}
