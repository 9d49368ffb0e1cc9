package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional {@code recipes} list: defaults, inherited deblur values and the errors it reports. */
class RecipesTest {
    private static final Path BASE = Path.of("/stations/line-3");
    private static final String STATION = StationYaml.minimal("line-3", "model: udbd\niterations: 2");

    @Test
    void withoutTheListTheStationHasOneRecipeFromItsDeblurSection() throws StationConfigException {
        StationConfig c = StationConfigLoader.parse(STATION, "line-3.yaml", BASE);
        assertEquals(List.of(new RecipeSettings("line-3", DeblurModel.UDBD, 2)), c.recipes());
    }

    @Test
    void readsRecipesWhoseMissingValuesComeFromTheDeblurSection() throws StationConfigException {
        String yaml = STATION + """
                recipes:
                  - name: panel-a
                  - name: panel-b
                    model: wiener
                    iterations: 0
                """;
        StationConfig c = StationConfigLoader.parse(yaml, "line-3.yaml", BASE);
        assertEquals(List.of(new RecipeSettings("panel-a", DeblurModel.UDBD, 2),
                new RecipeSettings("panel-b", DeblurModel.WIENER, 0)), c.recipes());
    }

    @Test
    void namesFileLineFieldAndValueOfABadRecipe() {
        String badPasses = STATION + "recipes:\n  - name: panel-a\n    iterations: 5\n";
        StationConfigException passes = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(badPasses, "line-3.yaml", BASE));
        assertEquals("line-3.yaml:21: recipes[0].iterations: 5 is not allowed; allowed: an integer from 0 to 3",
                passes.getMessage());

        String twice = STATION + "recipes:\n  - name: panel-a\n  - name: panel-a\n";
        StationConfigException dup = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(twice, "line-3.yaml", BASE));
        assertEquals("line-3.yaml:21: recipes[1].name: panel-a is not allowed; allowed: a name no other recipe "
                + "has; recipes[0] is already panel-a", dup.getMessage());

        String badName = STATION + "recipes:\n  - name: \"panel a\"\n";
        StationConfigException name = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(badName, "line-3.yaml", BASE));
        assertEquals("line-3.yaml:20: recipes[0].name: panel a is not allowed; allowed: 1 to 64 letters, digits, "
                + "'_', '.' or '-'", name.getMessage());

        String unknown = STATION + "recipes:\n  - name: panel-a\n    passes: 2\n";
        StationConfigException field = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(unknown, "line-3.yaml", BASE));
        assertEquals(21, field.line());
        assertEquals("recipes[0].passes", field.field());
    }
}
