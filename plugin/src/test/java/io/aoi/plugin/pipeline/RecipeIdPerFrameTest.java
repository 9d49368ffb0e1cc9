package io.aoi.plugin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.FrameResult;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.PlaneDeblurrer;
import io.aoi.deblur.RestoredPlane;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.results.BumpCount;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A result's InternalRecipeId names the revision whose settings the frame was deblurred with, also when the recipe
 * changes while frames are in the pipeline (the audit: results named r1 with r0's model, r4 with r3's passes).
 */
class RecipeIdPerFrameTest {
    private static final DeblurSettings BASE = DeblurSettings.DEFAULTS.withThreads(1).withWiener(2.0, 0.01);
    private static final RecipeSnapshot R0 = new RecipeSnapshot("line-r0", BASE.with(DeblurModel.WIENER, 2));
    private static final RecipeSnapshot R1 = new RecipeSnapshot("line-r1", BASE.with(DeblurModel.WIENER, 3));
    private static final RecipeSnapshot R2 = new RecipeSnapshot("line-r2", BASE.with(DeblurModel.UDBD, 1));
    /** What each revision means, as the results must record it: model and passes. */
    private static final Map<String, String> MEANS = Map.of("line-r0", "wiener x2", "line-r1", "wiener x3",
            "line-r2", "udbd x1");
    /** Deblur calls (1-based, across models) in which the recipe is changed: the change lands mid-frame. */
    private static final Map<Integer, RecipeSnapshot> CHANGES = Map.of(3, R1, 5, R2);
    private static final int FAILING_CALL = 7;
    private static final int UNUSABLE_CALL = 8;
    private static final int FRAMES = 9;
    /** Room for every frame: none is dropped for a full deblur queue (it would carry the revision at entry). */
    private static final int QUEUE_DEPTH = 2 * FRAMES;

    /**
     * Passes the frame through under the recipe model's name, and changes the recipe while deblurring the calls in
     * {@link #CHANGES}: the change is applied before that frame's result is made, deterministically. Fails one call
     * and returns NaN for another, for the failure and no-decision paths.
     */
    private static final class RecipeChangingDeblurrer extends PlaneDeblurrer {
        private final String name;
        private final AtomicInteger calls;
        private final AtomicReference<RecipeSnapshot> recipe;

        RecipeChangingDeblurrer(String name, AtomicInteger calls, AtomicReference<RecipeSnapshot> recipe) {
            this.name = name;
            this.calls = calls;
            this.recipe = recipe;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        protected RestoredPlane restorePlane(float[] plane, int width, int height, int passes)
                throws DeblurException {
            int call = calls.incrementAndGet();
            RecipeSnapshot next = CHANGES.get(call);
            if (next != null) {
                recipe.set(next);
            }
            if (call == FAILING_CALL) {
                throw new DeblurException("model refused the frame");
            }
            float[] out = plane.clone();
            if (call == UNUSABLE_CALL) {
                Arrays.fill(out, Float.NaN);
            }
            return RestoredPlane.of(out);
        }
    }

    private static Inspection ok(io.aoi.camera.Frame frame, io.aoi.image.Image restored) {
        return new Inspection(5, 0, List.of(new BumpCount("B1", 0, 0, 4, 4, 5, true)), Verdict.OK);
    }

    @Test
    void everyResultNamesTheRevisionWhoseModelAndPassesItRecords() throws Exception {
        AtomicReference<RecipeSnapshot> recipe = new AtomicReference<>(R0);
        AtomicInteger calls = new AtomicInteger();
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < FRAMES; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        RecipeDeblurStage.Opener<CapturedFrame> opener = (s, passes) -> new SingleFrameStage<>(
                new RecipeChangingDeblurrer(s.model().name(), calls, recipe), passes);
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(recipe::get, opener);
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(script), stage,
                        RecipeIdPerFrameTest::ok, recorded::add,
                        new PipelineIdentity("st1", "J1", () -> recipe.get().recipeId(),
                                TestIdentities.CONFIGURATION), 0, QUEUE_DEPTH, Duration.ofSeconds(20))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)), "pipeline did not finish");
        }
        List<InspectionResult> byFrame = recorded.stream()
                .sorted(Comparator.comparingLong(InspectionResult::frameId)).toList();

        // the change made while deblurring frame 2 (call 3) applies from frame 3, the one in frame 4 from frame 5
        assertEquals(List.of("line-r0", "line-r0", "line-r0", "line-r1", "line-r1", "line-r2", "line-r2",
                "line-r2", "line-r2"), byFrame.stream().map(InspectionResult::recipeId).toList());
        for (InspectionResult r : byFrame) {
            if (r.outcome() == Outcome.COMPLETED && r.verdict() != Verdict.NO_DECISION) {
                assertEquals(MEANS.get(r.recipeId()), r.deblurModel() + " x" + r.deblurPasses(),
                        "frame " + r.frameId() + " recorded as " + r.recipeId());
            }
        }
        assertEquals(FRAMES, byFrame.size());
        for (InspectionResult r : byFrame) {
            assertEquals(r.frameId() == FAILING_CALL - 1 ? Outcome.FAILED : Outcome.COMPLETED, r.outcome(),
                    "frame " + r.frameId() + ": " + r.reason());
        }
        assertEquals(Outcome.FAILED, byFrame.get(FAILING_CALL - 1).outcome(), "frame 6 failed under r2");
        assertEquals(Verdict.NO_DECISION, byFrame.get(UNUSABLE_CALL - 1).verdict(), "frame 7 undecided under r2");
        assertEquals(Verdict.OK, byFrame.get(8).verdict());
    }
}
