package io.aoi.plugin.deblur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PixelRegion;
import io.aoi.deblur.region.RegionDeblurrer;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.image.Image;
import io.aoi.plugin.pipeline.RecipeDeblurStage;
import io.aoi.plugin.pipeline.RecipeSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Models that a jar adds through the service file (here the test class path's: {@link BrightenProvider} and
 * {@link Median3Provider}) are opened, wrapped and run like the built-in ones, from what their providers state.
 */
class InstalledProvidersTest {
    private static final DeblurSettings BRIGHTEN = DeblurSettings.DEFAULTS.with(new DeblurModel(BrightenProvider.NAME),
            2);
    private static final DeblurSettings MEDIAN = DeblurSettings.DEFAULTS.withModel(new DeblurModel(
            Median3Provider.NAME));
    private static final Optional<RegionFinder> ONE_BUMP = Optional.of(f -> List.of(new PixelRegion(20, 20, 16, 8)));

    @Test
    void theAddedModelsAreInstalledAfterTheBuiltInOnes() {
        assertEquals(List.of("none", "wiener", "udbd", "udbd_acf", "udbd_acf_lite", "motion", "test_brighten",
                "test_median3"),
                List.copyOf(Deblurrers.names()));
    }

    @Test
    void anAddedModelThatRestoresRegionsRestoresOnlyTheBumpWithItsMargin() throws Exception {
        Image frame = noise(96, 64, 1);
        try (Deblurrer d = Deblurrers.open(BRIGHTEN, ONE_BUMP)) {
            assertInstanceOf(RegionDeblurrer.class, d);
            Image out = d.deblur(frame, 2);
            List<PixelRegion> restored = ((RegionDeblurrer) d).lastRegions();
            assertEquals(List.of(new PixelRegion(4, 4, 48, 40)), restored);
            Image everywhere = BrightenProvider.brightened(frame, 2);
            for (int y = 0; y < frame.height(); y++) {
                for (int x = 0; x < frame.width(); x++) {
                    boolean inside = x >= 4 && x < 52 && y >= 4 && y < 44;
                    assertEquals((inside ? everywhere : frame).sample(x, y, 0), out.sample(x, y, 0),
                            "(" + x + ", " + y + ")");
                }
            }
        }
    }

    @Test
    void aThreeFrameModelRunsOnlyAsAStageAndIgnoresThePassCount() throws Exception {
        DeblurException single = assertThrows(DeblurException.class, () -> Deblurrers.open(MEDIAN));
        assertEquals("model 'test_median3' restores a frame from a window of 3 frames; open it with Deblurrers.stage "
                + "and hand it the frames in order", single.getMessage());

        List<Image> frames = List.of(noise(32, 16, 2), noise(32, 16, 3), noise(32, 16, 4));
        List<RecipeDeblurStage.Output<Integer>> out = new ArrayList<>();
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(
                () -> new RecipeSnapshot("recipe-1", MEDIAN.withIterations(3)),
                (s, passes) -> Deblurrers.stage(s, passes, ONE_BUMP))) {
            for (int i = 0; i < frames.size(); i++) {
                RecipeDeblurStage.Batch<Integer> b = stage.accept(i, frames.get(i), false);
                assertTrue(b.failed().isEmpty(), b.failed().toString());
                out.addAll(b.restored());
            }
            out.addAll(stage.endRun().restored());
        }
        assertEquals(List.of(0, 1, 2), out.stream().map(RecipeDeblurStage.Output::tag).toList());
        assertEquals(List.of(1, 1, 1), out.stream().map(RecipeDeblurStage.Output::passes).toList());
        Image f0 = frames.get(0);
        Image f1 = frames.get(1);
        Image f2 = frames.get(2);
        assertEquals(samples(Median3Provider.median(f0, f0, f1)), samples(out.get(0).image()));
        assertEquals(samples(Median3Provider.median(f0, f1, f2)), samples(out.get(1).image()));
        assertEquals(samples(Median3Provider.median(f1, f2, f2)), samples(out.get(2).image()));
    }

    @Test
    void theRecipePassesReachAnIterativeAddedModel() {
        List<Integer> passes = new ArrayList<>();
        Image frame = noise(32, 16, 5);
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(() -> new RecipeSnapshot("recipe-1", BRIGHTEN),
                (s, p) -> Deblurrers.stage(s, p, Optional.empty()))) {
            RecipeDeblurStage.Batch<Integer> b = stage.accept(0, frame, false);
            passes.add(b.restored().get(0).passes());
            assertEquals(samples(BrightenProvider.brightened(frame, 2)), samples(b.restored().get(0).image()));
        }
        assertEquals(List.of(2), passes);
    }

    @Test
    void aModelNoProviderAnswersToIsRefusedWithTheInstalledNames() {
        DeblurException e = assertThrows(DeblurException.class,
                () -> Deblurrers.stage(DeblurSettings.DEFAULTS.withModel(new DeblurModel("sharpen")), () -> 1));
        assertTrue(e.getMessage().startsWith("deblur model 'sharpen' is not installed; installed: none, wiener, udbd, "
                + "udbd_acf, udbd_acf_lite, motion, test_brighten, test_median3"), e.getMessage());
    }

    /** Seeded 8-bit noise. */
    static Image noise(int width, int height, long seed) {
        Random random = new Random(seed);
        short[] s = new short[width * height];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) random.nextInt(256);
        }
        return new Image(width, height, 1, 8, s);
    }

    private static List<Short> samples(Image image) {
        List<Short> out = new ArrayList<>();
        for (short s : image.samples()) {
            out.add(s);
        }
        return out;
    }
}
