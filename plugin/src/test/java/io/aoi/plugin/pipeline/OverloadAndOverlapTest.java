package io.aoi.plugin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.FrameResult;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.image.Image;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Deblur and detect of consecutive frames overlap; the overload policy drops or falls back. */
class OverloadAndOverlapTest {
    private static final DeblurSettings SETTINGS = DeblurSettings.DEFAULTS.withModel(DeblurModel.UDBD_ACF)
            .withThreads(1).withWiener(2.0, 0.01);
    private static final RecipeSnapshot RECIPE = new RecipeSnapshot("recipe-1", SETTINGS);

    private static Inspection ok(io.aoi.camera.Frame frame, Image restored) {
        return new Inspection(0, 0, List.of(), Verdict.OK);
    }

    private static List<InspectionResult> run(List<FrameResult> script, Deblurrer model, FrameInspector inspector,
            int queueDepth, OverloadHandler overload) throws Exception {
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(model, passes));
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(script), stage, inspector,
                        recorded::add, TestIdentities.job("J1"), 0, queueDepth,
                        Duration.ofSeconds(20), overload)) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)), "pipeline did not finish");
        }
        return recorded;
    }

    @Test
    void theNextFrameIsDeblurredWhileThePreviousOneIsDetected() throws Exception {
        CountDownLatch detectingFirst = new CountDownLatch(1);
        CountDownLatch deblurringSecond = new CountDownLatch(1);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Deblurrer model = new Deblurrer() {
            private int n;

            @Override
            public String name() {
                return "model";
            }

            @Override
            public Image deblur(Image frame, int passes) {
                if (n++ == 1) {
                    deblurringSecond.countDown();
                }
                return frame;
            }

            @Override
            public void close() {
            }
        };
        // detection of frame 0 finishes only once frame 1 is being deblurred: a serial pipeline would time out
        FrameInspector inspector = (frame, restored) -> {
            if (frame.frameId() == 0) {
                detectingFirst.countDown();
                try {
                    seen.add(deblurringSecond.await(10, TimeUnit.SECONDS) ? "overlapped" : "serial");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return ok(frame, restored);
        };
        List<FrameResult> script = List.of(ScriptedFrameSource.frame(0, 16, 8), ScriptedFrameSource.frame(1, 16, 8));

        List<InspectionResult> results = run(script, model, inspector, 4, OverloadHandler.dropping());

        assertEquals(List.of("overlapped"), seen);
        assertEquals(2, results.stream().filter(r -> r.outcome() == Outcome.COMPLETED).count());
    }

    @Test
    void fallbackRestoresFramesTheBusyModelCannotTakeAndNamesItInTheResult() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 8; id++) {
            script.add(ScriptedFrameSource.frame(id, 16, 8));
        }
        // the model holds its first frame until a frame has been inspected, and while it holds only the fallback can
        // bring one to detection: frames pile up behind the model, and the first fallback finds detection free
        Deblurrer cheap = new Deblurrer() {
            @Override
            public String name() {
                return "wiener s2.00";
            }

            @Override
            public Image deblur(Image frame, int passes) {
                return frame;
            }

            @Override
            public void close() {
            }
        };

        FrameInspector releasing = (frame, restored) -> {
            release.countDown();
            return ok(frame, restored);
        };
        List<InspectionResult> results = run(script, GatedDeblurrer.gated("udbd_acf", release), releasing, 1,
                OverloadHandler.withFallback(cheap, () -> RECIPE));

        assertEquals(8, results.size());
        List<InspectionResult> fallbacks = results.stream().filter(r -> !r.deblurFallback().isEmpty()).toList();
        assertTrue(fallbacks.size() >= 1, () -> "with a queue of one, a held model and 8 frames some must fall back: "
                + results.stream().map(r -> r.frameId() + " " + r.outcome() + " " + r.reason()).toList());
        for (InspectionResult r : fallbacks) {
            assertEquals(Outcome.COMPLETED, r.outcome());
            assertEquals("wiener s2.00", r.deblurFallback());
            assertEquals("udbd_acf", r.deblurModel());
            assertEquals(0, r.deblurPasses());
            assertEquals("recipe-1", r.recipeId(), "the revision in force when the fallback restored it");
        }
        for (InspectionResult r : results) {
            if (r.outcome() == Outcome.DROPPED) {
                assertTrue(r.reason().startsWith("deblur and detect stages overloaded"), r.reason());
            }
        }
    }

    @Test
    void dropDecidesDropAndAFailingFallbackReportsWhy() {
        Image frame = Image.blank(8, 8, 1, 8);
        Deblurrer broken = new Deblurrer() {
            @Override
            public String name() {
                return "wiener s2.00";
            }

            @Override
            public Image deblur(Image f, int passes) throws DeblurException {
                throw new DeblurException("no memory");
            }

            @Override
            public void close() {
            }
        };
        try (OverloadHandler drop = OverloadHandler.dropping();
                OverloadHandler failing = OverloadHandler.withFallback(broken, () -> RECIPE)) {
            OverloadHandler.Decision d = drop.decide(frame, 4);
            OverloadHandler.Decision f = failing.decide(frame, 4);

            assertEquals(new OverloadHandler.Decision.Drop("deblur stage overloaded: 4 frames waiting"), d);
            assertInstanceOf(OverloadHandler.Decision.Failed.class, f);
            assertEquals("deblur stage overloaded: 4 frames waiting; fallback wiener s2.00 failed: no memory",
                    ((OverloadHandler.Decision.Failed) f).reason());
        }
    }
}
