package io.aoi.plugin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.PassThroughDeblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.deblur.motion.SlidingWindow;
import io.aoi.deblur.motion.TripletDeblurrer;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RecipeDeblurStageTest {
    private static final DeblurSettings MOTION = DeblurSettings.DEFAULTS.withModel(DeblurModel.MOTION)
            .withThreads(1).withWiener(2.0, 0.01);

    /** Encodes which frames it was given: the output's first sample is prev*100 + current*10 + next. */
    private static final class Witness implements TripletDeblurrer {
        private boolean failNext;

        @Override
        public String name() {
            return "witness";
        }

        @Override
        public Image deblur(Image previous, Image current, Image next) throws DeblurException {
            if (failNext) {
                throw new DeblurException("model ran out of memory");
            }
            short[] s = new short[4];
            s[0] = (short) (previous.sample(0, 0, 0) * 100 + current.sample(0, 0, 0) * 10 + next.sample(0, 0, 0));
            return new Image(2, 2, 1, 16, s);
        }

        @Override
        public void close() {
        }
    }

    private static Image frame(int id) {
        short[] s = new short[4];
        s[0] = (short) id;
        return new Image(2, 2, 1, 16, s);
    }

    private static List<Integer> restored(RecipeDeblurStage.Batch<Integer> b, List<Integer> seen) {
        for (RecipeDeblurStage.Output<Integer> o : b.restored()) {
            seen.add(o.image().sample(0, 0, 0));
        }
        return seen;
    }

    @Test
    void theMotionWindowReturnsEachFrameOnceOneFrameLateAndRestartsAtAGap() {
        Witness witness = new Witness();
        List<Integer> seen = new ArrayList<>();
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(() -> new RecipeSnapshot("recipe-1", MOTION),
                (s, passes) -> new SlidingWindow<>(witness))) {
            assertTrue(stage.accept(1, frame(1), false).restored().isEmpty(), "the first frame waits for the next");
            restored(stage.accept(2, frame(2), false), seen);
            restored(stage.accept(3, frame(3), false), seen);
            restored(stage.accept(4, frame(4), true), seen); // gap before frame 4: frame 3 ends its run
            restored(stage.accept(5, frame(5), false), seen);
            restored(stage.endRun(), seen);
        }
        // (prev, current, next): the ends of a run use the frame itself in place of the missing neighbour
        assertEquals(List.of(112, 123, 233, 445, 455), seen);
    }

    @Test
    void aModelSwitchRestoresTheHeldFrameWithTheOldModelFirstUnderTheOldRevision() {
        AtomicReference<RecipeSnapshot> recipe = new AtomicReference<>(new RecipeSnapshot("line-r0", MOTION));
        List<String> models = new ArrayList<>();
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(recipe::get,
                (s, passes) -> s.model().equals(DeblurModel.MOTION) ? new SlidingWindow<>(new Witness())
                        : new SingleFrameStage<>(new PassThroughDeblurrer(), passes))) {
            stage.accept(1, frame(1), false);
            stage.accept(2, frame(2), false).restored().forEach(o -> models.add(o.tag() + ":" + o.applied()));
            recipe.set(new RecipeSnapshot("line-r1", MOTION.with(DeblurModel.NONE, 0)));
            stage.accept(3, frame(3), false).restored().forEach(o -> models.add(o.tag() + ":" + o.applied()));
        }
        // frame 2 was held by the motion model when the recipe changed: it is restored by that model, under r0
        assertEquals(List.of("1:" + new AppliedRecipe("line-r0", "witness", 1),
                "2:" + new AppliedRecipe("line-r0", "witness", 1),
                "3:" + new AppliedRecipe("line-r1", "none", 0)), models);
    }

    @Test
    void aFailureAtTheEndOfARunReportsTheHeldFrameWithTheReason() {
        Witness witness = new Witness();
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(() -> new RecipeSnapshot("recipe-1", MOTION),
                (s, passes) -> new SlidingWindow<>(witness))) {
            stage.accept(7, frame(7), false);
            witness.failNext = true;
            RecipeDeblurStage.Batch<Integer> b = stage.accept(8, frame(8), false);
            assertEquals(List.of(new RecipeDeblurStage.Failure<>("recipe-1", List.of(8), "model ran out of memory",
                    false)), b.failed());
            RecipeDeblurStage.Batch<Integer> end = stage.endRun();
            assertEquals(List.of(7), end.failed().get(0).tags(), "the frame still held is reported, not lost");
        }
    }

    @Test
    void aFrameSizeChangeReturnsTheFrameTheMotionModelHolds() {
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(() -> new RecipeSnapshot("recipe-1", MOTION),
                (s, passes) -> new SlidingWindow<>(new Witness()))) {
            assertTrue(stage.accept(7, frame(7), false).restored().isEmpty(), "the first frame is held");
            short[] wider = new short[6];
            wider[0] = 8;
            RecipeDeblurStage.Batch<Integer> b = stage.accept(8, new Image(3, 2, 1, 16, wider), false);
            assertEquals(List.of(7), b.restored().stream().map(RecipeDeblurStage.Output::tag).toList(),
                    "frame 7 is restored as the end of its run, not lost");
            assertEquals(List.of(777), restored(b, new ArrayList<>()));
            assertTrue(b.failed().isEmpty());
            assertEquals(List.of(8), stage.endRun().restored().stream().map(RecipeDeblurStage.Output::tag).toList());
        }
    }

    @Test
    void anOutputThatIsNotFiniteIsReportedAsUnusableNotAsAModelFailure() {
        NanDeblurrer nan = new NanDeblurrer();
        DeblurSettings wiener = MOTION.with(DeblurModel.WIENER, 1);
        try (RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(() -> new RecipeSnapshot("recipe-1", wiener),
                (s, passes) -> new SingleFrameStage<>(nan, passes))) {
            RecipeDeblurStage.Batch<Integer> b = stage.accept(1, frame(1), false);
            assertTrue(b.restored().isEmpty());
            assertEquals(1, b.failed().size());
            assertTrue(b.failed().get(0).unusableOutput());
            assertTrue(b.failed().get(0).reason().contains("nan output is not finite: 4 of 4 samples"),
                    b.failed().get(0).reason());
        }
    }

    @Test
    void closingWhileAFrameIsRestoredAbortsTheRunInsteadOfFreeingTheModelUnderIt() throws Exception {
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch aborted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean closedUnderRun = new java.util.concurrent.atomic.AtomicBoolean();
        io.aoi.deblur.Deblurrer blocking = new io.aoi.deblur.Deblurrer() {
            private volatile boolean running;

            @Override
            public String name() {
                return "blocking";
            }

            @Override
            public Image deblur(Image frame, int passes) throws DeblurException {
                running = true;
                entered.countDown();
                try {
                    aborted.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                running = false;
                throw new DeblurException("run aborted: the station is stopping");
            }

            @Override
            public void abort() {
                aborted.countDown();
            }

            @Override
            public void close() {
                closedUnderRun.set(running);
            }
        };
        DeblurSettings wiener = MOTION.with(DeblurModel.WIENER, 1);
        RecipeDeblurStage<Integer> stage = new RecipeDeblurStage<>(() -> new RecipeSnapshot("recipe-1", wiener),
                (s, passes) -> new SingleFrameStage<>(blocking, passes));
        java.util.concurrent.CompletableFuture<RecipeDeblurStage.Batch<Integer>> accept =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> stage.accept(1, frame(1), false));
        assertTrue(entered.await(10, java.util.concurrent.TimeUnit.SECONDS));
        stage.close();
        assertEquals(0, aborted.getCount(), "close aborted the run in progress");
        RecipeDeblurStage.Batch<Integer> b = accept.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(List.of(1), b.failed().get(0).tags(), "the frame comes back as failed, not lost");
        assertTrue(!closedUnderRun.get(), "the model was not freed while it ran");
        stage.close();
    }
}
