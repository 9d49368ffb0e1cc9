package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.InvalidSettingException;
import io.aoi.config.RecipeSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryRecipeControlTest {
    private static final Instant T = Instant.parse("2026-05-01T12:00:00Z");

    @Test
    void appliesValidChangesToTheSettingsInUseAndAuditsEachField() {
        InMemoryRecipeControl rc = new InMemoryRecipeControl(List.of(new RecipeSettings("R7", DeblurModel.UDBD, 2)),
                StationServerDemoTest.DEBLUR, Clock.fixed(T, ZoneOffset.UTC));
        assertEquals(new RecipeState("R7", 0, DeblurModel.UDBD, 2), rc.current());
        assertEquals("R7-r0", rc.current().recipeId());
        RecipeState after = rc.change(DeblurModel.WIENER, 0, "eng");
        assertEquals(new RecipeState("R7", 1, DeblurModel.WIENER, 0), after);
        assertEquals(List.of(new AuditRecord(T, "eng", "DeblurModel", "udbd", "wiener"),
                new AuditRecord(T, "eng", "DeblurIterations", "2", "0")), rc.audit());
        DeblurSettings inUse = rc.settings();
        assertEquals(DeblurModel.WIENER, inUse.model());
        assertEquals(0, inUse.iterations());
        assertEquals(StationServerDemoTest.DEBLUR.tileSizePx(), inUse.tileSizePx(), "other settings kept");
        assertEquals("2026-05-01T12:00:00Z eng DeblurModel udbd -> wiener", rc.audit().get(0).line());
    }

    @Test
    void refusesInvalidValuesAndIgnoresChangesToTheSameValues() {
        InMemoryRecipeControl rc = new InMemoryRecipeControl("R7", StationServerDemoTest.DEBLUR);
        DeblurSettings before = rc.settings();
        InvalidSettingException e = assertThrows(InvalidSettingException.class,
                () -> rc.change(DeblurModel.UDBD, 4, "eng"));
        assertEquals("iterations", e.field());
        assertTrue(e.getMessage().contains("0 to 3"), e.getMessage());
        assertThrows(InvalidSettingException.class, () -> rc.change(null, 1, "eng"));
        assertEquals(new RecipeState("R7", 0, DeblurModel.UDBD, 2), rc.change(DeblurModel.UDBD, 2, "eng"));
        assertEquals(List.of(), rc.audit());
        assertEquals(before, rc.settings());
    }

    @Test
    void preparesAndUnpreparesDeclaredRecipesAndAuditsEachStep() {
        InMemoryRecipeControl rc = new InMemoryRecipeControl(List.of(new RecipeSettings("panel-a", DeblurModel.UDBD,
                2), new RecipeSettings("panel-b", DeblurModel.WIENER, 0)), StationServerDemoTest.DEBLUR,
                Clock.fixed(T, ZoneOffset.UTC));
        assertEquals(List.of("panel-a", "panel-b"), rc.recipeNames());
        assertTrue(rc.isPrepared());
        assertEquals("panel-a", rc.current().name());

        RecipeState b = rc.prepare("panel-b", "eng");
        assertEquals(new RecipeState("panel-b", 1, DeblurModel.WIENER, 0), b);
        assertEquals(DeblurModel.WIENER, rc.settings().model());
        assertEquals(StationServerDemoTest.DEBLUR.tileSizePx(), rc.settings().tileSizePx(), "station settings kept");

        InvalidSettingException wrong = assertThrows(InvalidSettingException.class,
                () -> rc.unprepare("panel-a", "eng"));
        assertTrue(wrong.getMessage().contains("the prepared recipe panel-b"), wrong.getMessage());
        rc.unprepare("panel-b", "eng");
        assertFalse(rc.isPrepared());
        InvalidSettingException unknown = assertThrows(InvalidSettingException.class,
                () -> rc.prepare("panel-z", "eng"));
        assertTrue(unknown.getMessage().contains("[panel-a, panel-b]"), unknown.getMessage());
        assertEquals(List.of(new AuditRecord(T, "eng", "PreparedRecipe", "panel-a", "panel-b"),
                new AuditRecord(T, "eng", "PreparedRecipe", "panel-b", "(none)")), rc.audit());
        assertThrows(IllegalArgumentException.class, () -> new InMemoryRecipeControl(List.of(
                new RecipeSettings("x", DeblurModel.NONE, 0), new RecipeSettings("x", DeblurModel.NONE, 0)),
                StationServerDemoTest.DEBLUR));
    }
}
