package io.aoi.plugin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.FrameResult;
import io.aoi.camera.SourceState;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.image.Image;
import io.aoi.results.BumpCount;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import io.aoi.results.journal.JournalException;
import io.aoi.testing.Pace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class StationPipelineTest {
    private static final DeblurSettings SETTINGS = DeblurSettings.DEFAULTS.with(DeblurModel.WIENER, 2)
            .withThreads(1).withWiener(2.0, 0.01);
    private static final RecipeSnapshot RECIPE = new RecipeSnapshot("recipe-1", SETTINGS);

    /** A deblurrer that inverts the image, fails on frames whose first sample is 13 and may be slow. */
    private static class InvertingDeblurrer implements Deblurrer {
        private final long sleepMillis;
        private boolean closed;

        InvertingDeblurrer(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public String name() {
            return "invert";
        }

        @Override
        public Image deblur(Image frame, int passes) throws DeblurException {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (frame.sample(0, 0, 0) == 13) {
                throw new DeblurException("model refused the frame");
            }
            try {
                Pace.elapse(Duration.ofMillis(sleepMillis)); // a slow model's work, the scenario of the queue tests
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            short[] out = frame.samples().clone();
            for (int i = 0; i < out.length; i++) {
                out[i] = (short) (255 - (out[i] & 0xFF));
            }
            return new Image(frame.width(), frame.height(), 1, 8, out);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Counts bright pixels as "particles"; throws on frames 100 pixels wide, to exercise the failure path. */
    private static Inspection brightPixels(io.aoi.camera.Frame frame, Image restored) {
        if (restored.width() == 100) {
            throw new IllegalArgumentException("unsupported width 100");
        }
        int bright = 0;
        for (short s : restored.samples()) {
            if ((s & 0xFF) > 200) {
                bright++;
            }
        }
        return new Inspection(bright, 0, List.of(new BumpCount("B1", 0, 0, 4, 4, bright, bright >= 5)),
                bright >= 5 ? Verdict.OK : Verdict.NG);
    }

    private static List<InspectionResult> run(List<FrameResult> script, long sleepMillis, int queueDepth,
            Inspector inspector, AtomicReference<DeblurSettings> recipe) throws Exception {
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        ScriptedFrameSource source = new ScriptedFrameSource(script);
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(
                () -> new RecipeSnapshot("recipe-1", recipe.get()),
                (s, passes) -> new SingleFrameStage<>(new InvertingDeblurrer(sleepMillis), passes));
                StationPipeline pipeline = new StationPipeline(source, stage, inspector::inspect, recorded::add,
                        TestIdentities.job("J1"), 0, queueDepth, Duration.ofSeconds(20))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)), "pipeline did not finish");
        }
        return recorded;
    }

    @FunctionalInterface
    private interface Inspector {
        Inspection inspect(io.aoi.camera.Frame frame, Image restored);
    }

    @Test
    void theDirectionAndContrastThresholdTheDetectorUsedGoIntoTheResult() throws Exception {
        List<InspectionResult> results = run(List.of(ScriptedFrameSource.frame(0, 32, 16)), 0, 4,
                (frame, restored) -> new Inspection(6, 0, List.of(new BumpCount("B1", 0, 0, 4, 4, 6, true)),
                        Verdict.OK, "", 12.5, 0.0375),
                new AtomicReference<>(SETTINGS));

        InspectionResult r = byFrame(results, 0);
        assertEquals(12.5, r.illuminationAngleDeg());
        assertEquals(0.0375, r.contrastThreshold());
    }

    @Test
    void everyFrameEndsInExactlyOneResultWhateverHappensToIt() throws Exception {
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 12; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        script.add(new FrameResult.Dropped(12, "scripted", "incomplete strip 77: missing packets"));
        script.add(new FrameResult.TimedOut());
        short[] poison = new short[32 * 16];
        poison[0] = 13;
        script.add(new FrameResult.Ready(io.aoi.camera.Frame.whole(13, java.time.Instant.now(), "scripted",
                new Image(32, 16, 1, 8, poison))));
        script.add(new FrameResult.Ready(io.aoi.camera.Frame.whole(14, java.time.Instant.now(), "scripted",
                Image.blank(100, 4, 1, 8))));

        // queues deep enough for the whole script: this test is about outcomes, not overload
        List<InspectionResult> results = run(script, 0, 32, StationPipelineTest::brightPixels,
                new AtomicReference<>(SETTINGS));

        assertEquals(15, results.size());
        Set<String> ids = results.stream().map(InspectionResult::resultId).collect(Collectors.toSet());
        assertEquals(15, ids.size(), "result ids are unique");
        for (InspectionResult r : results) {
            assertEquals(TestIdentities.CONFIGURATION, r.configurationId(), "configuration of " + r.resultId());
        }
        InspectionResult dropped = byFrame(results, 12);
        assertEquals(Outcome.DROPPED, dropped.outcome());
        assertTrue(dropped.reason().contains("missing packets"), dropped.reason());
        InspectionResult deblurFailed = byFrame(results, 13);
        assertEquals(Outcome.FAILED, deblurFailed.outcome());
        assertTrue(deblurFailed.reason().contains("deblur failed: model refused the frame"), deblurFailed.reason());
        InspectionResult detectFailed = byFrame(results, 14);
        assertEquals(Outcome.FAILED, detectFailed.outcome());
        assertTrue(detectFailed.reason().contains("unsupported width 100"), detectFailed.reason());
        for (long id = 0; id < 12; id++) {
            InspectionResult r = byFrame(results, id);
            assertEquals(Outcome.COMPLETED, r.outcome());
            assertEquals("st1-J1-" + id, r.resultId());
            assertEquals(2, r.deblurPasses());
            assertEquals("invert", r.deblurModel());
        }
    }

    @Test
    void theSourceStateFollowsWhatTheSourceReports() throws Exception {
        List<FrameResult> script = List.of(ScriptedFrameSource.frame(0, 32, 16),
                new FrameResult.SourceLost("camera refuses width 1024", io.aoi.camera.SourceLoss.INCOMPATIBLE));
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(new InvertingDeblurrer(0), passes));
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(script, true), stage,
                        StationPipelineTest::brightPixels, recorded::add,
                        TestIdentities.job("J1"), 0, 8, Duration.ofSeconds(20))) {
            assertEquals("starting", pipeline.sourceState().text());
            pipeline.start();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> pipeline.sourceState() instanceof SourceState.Incompatible);
            assertEquals("incompatible: camera refuses width 1024", pipeline.sourceState().text());
        }

        List<FrameResult> ending = List.of(new FrameResult.SourceLost("control lost"),
                ScriptedFrameSource.frame(0, 32, 16));
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(new InvertingDeblurrer(0), passes));
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(ending), stage,
                        StationPipelineTest::brightPixels, recorded::add,
                        TestIdentities.job("J2"), 0, 8, Duration.ofSeconds(20))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)));
            assertInstanceOf(SourceState.Ended.class, pipeline.sourceState());
        }
    }

    @Test
    void framesArrivingFasterThanTheDeblurrerAreDroppedWithTheReasonNotLost() throws Exception {
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 30; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        List<InspectionResult> results = run(script, 40, 1, StationPipelineTest::brightPixels,
                new AtomicReference<>(SETTINGS));

        assertEquals(30, results.size());
        List<InspectionResult> dropped = results.stream().filter(r -> r.outcome() == Outcome.DROPPED).toList();
        assertTrue(dropped.size() > 0, "a 40 ms deblurrer with a queue of one cannot keep up with an instant source");
        dropped.forEach(r -> assertTrue(r.reason().startsWith("deblur stage overloaded"), r.reason()));
        assertTrue(results.stream().anyMatch(r -> r.outcome() == Outcome.COMPLETED));
    }

    @Test
    void aChangedIterationCountAppliesFromTheNextFrameDeblurred() throws Exception {
        AtomicReference<DeblurSettings> recipe = new AtomicReference<>(SETTINGS);
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 6; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger deblurred = new java.util.concurrent.atomic.AtomicInteger();
        // an engineer changes the recipe while the third frame is being deblurred
        RecipeDeblurStage.Opener<CapturedFrame> opener = (s, passes) -> new SingleFrameStage<>(
                new InvertingDeblurrer(0) {
                    @Override
                    public Image deblur(Image frame, int passes) throws DeblurException {
                        if (deblurred.incrementAndGet() == 3) {
                            recipe.set(SETTINGS.with(DeblurModel.WIENER, 3));
                        }
                        return super.deblur(frame, passes);
                    }
                }, passes);
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(
                () -> new RecipeSnapshot("recipe-1", recipe.get()), opener);
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(script), stage,
                        StationPipelineTest::brightPixels, recorded::add,
                        TestIdentities.job("J1"), 0, 8, Duration.ofSeconds(20))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)));
        }
        assertEquals(List.of(2, 2, 2, 3, 3, 3), recorded.stream()
                .sorted(java.util.Comparator.comparingLong(InspectionResult::frameId))
                .map(InspectionResult::deblurPasses).toList());
    }

    @Test
    void aJournalThatCannotWriteStopsThePipelineAndReportsWhy() throws Exception {
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 5; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        ScriptedFrameSource source = new ScriptedFrameSource(script);
        AtomicInteger admitted = new AtomicInteger();
        StationPipeline stopped;
        ResultRecorder fullDisk = new ResultRecorder() {
            @Override
            public void admit(FrameAdmission admission) {
                admitted.incrementAndGet();
            }

            @Override
            public void record(InspectionResult result) throws JournalException {
                throw new JournalException("disk full writing /journal/results-1.jsonl");
            }
        };
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(new InvertingDeblurrer(0), passes));
                StationPipeline pipeline = new StationPipeline(source, stage, StationPipelineTest::brightPixels,
                        fullDisk, TestIdentities.job("J1"), 0, 4, Duration.ofSeconds(5))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(10)));
            assertInstanceOf(JournalException.class, pipeline.failure());
            assertTrue(pipeline.failure().getMessage().contains("disk full"));
            stopped = pipeline;
        }
        // after the stop every frame admitted is still unrecorded, the one whose result the journal refused too
        assertEquals(admitted.get(), stopped.framesInFlight());
        assertTrue(admitted.get() >= 1, "at least the first frame was admitted");
    }

    @Test
    void aDeblurrerThatOutputsNaNGivesNoDecisionCountedApartFromNg() throws Exception {
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 3; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        NanDeblurrer nan = new NanDeblurrer();
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        PipelineCounters counters;
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(nan, passes));
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(script), stage,
                        StationPipelineTest::brightPixels, recorded::add,
                        TestIdentities.job("J1"), 0, 4, Duration.ofSeconds(2))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)));
            counters = pipeline.counters();
        }
        assertEquals(3, recorded.size());
        for (InspectionResult r : recorded) {
            assertEquals(Outcome.COMPLETED, r.outcome());
            assertEquals(Verdict.NO_DECISION, r.verdict(), "a NaN restoration must never be judged OK");
            assertTrue(r.reason().startsWith("deblur output unusable: nan output is not finite"), r.reason());
            assertEquals(4, r.resultState(), "OPC 40100 ResultState Failed");
        }
        assertEquals(3, counters.noDecision());
        assertEquals(0, counters.ok() + counters.ng());
    }

    @Test
    void everyFrameIsAdmittedBeforeItIsRecorded() throws Exception {
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 5; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        script.add(new FrameResult.Dropped(5, "camera 7", "incomplete strip"));
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        List<FrameAdmission.MadeWith> madeWith = Collections.synchronizedList(new ArrayList<>());
        ResultRecorder recorder = new ResultRecorder() {
            @Override
            public void admit(FrameAdmission a) {
                events.add("admit " + a.resultId() + (a.frameId() == 5 ? " from " + a.sourceName() : ""));
                // what a result recovered after a crash is stamped with
                madeWith.add(a.madeWith());
            }

            @Override
            public void record(InspectionResult r) {
                events.add("record " + r.resultId() + (r.frameId() == 5 ? " from " + r.sourceName() : ""));
            }
        };
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(new InvertingDeblurrer(0), passes));
                StationPipeline pipeline = new StationPipeline(new ScriptedFrameSource(script), stage,
                        StationPipelineTest::brightPixels, recorder,
                        TestIdentities.job("J1"), 0, 8, Duration.ofSeconds(2))) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(30)));
        }
        assertEquals(12, events.size(), "events " + events);
        assertEquals(List.of(new FrameAdmission.MadeWith("recipe-1", TestIdentities.CONFIGURATION)),
                madeWith.stream().distinct().toList(), "recipe and configuration of every admission");
        assertEquals(6, madeWith.size());
        // a frame the source could not deliver is admitted and recorded under the name the source gave it
        assertTrue(events.contains("admit st1-J1-5 from camera 7"), "events " + events);
        assertTrue(events.contains("record st1-J1-5 from camera 7"), "events " + events);
        events.replaceAll(e -> e.replace(" from camera 7", ""));
        for (long id = 0; id < 6; id++) {
            int admitted = events.indexOf("admit st1-J1-" + id);
            int recordedAt = events.indexOf("record st1-J1-" + id);
            assertTrue(admitted >= 0 && recordedAt > admitted, "frame " + id + ": " + events);
            assertEquals(recordedAt, events.lastIndexOf("record st1-J1-" + id), "one record for frame " + id);
        }
    }

    @Test
    void stoppingRecordsQueuedFramesAsDroppedAndAbandonsAStuckDeblurAfterTheGrace() throws Exception {
        List<FrameResult> script = new ArrayList<>();
        for (long id = 0; id < 5; id++) {
            script.add(ScriptedFrameSource.frame(id, 32, 16));
        }
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Deblurrer stuck = new InvertingDeblurrer(0) {
            @Override
            public Image deblur(Image frame, int passes) throws DeblurException {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.deblur(frame, passes);
            }
        };
        List<InspectionResult> recorded = Collections.synchronizedList(new ArrayList<>());
        // never ends: the source stays idle after the script, like a camera between panels
        ScriptedFrameSource source = new ScriptedFrameSource(script, true);
        RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(stuck, passes));
        StationPipeline pipeline = new StationPipeline(source, stage, StationPipelineTest::brightPixels,
                recorded::add, TestIdentities.job("J1"), 0, 8, Duration.ofMillis(500));
        try {
            pipeline.start();
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the first frame reached the deblurrer");
            Awaitility.await("four frames queued for deblurring").atMost(Duration.ofSeconds(10))
                    .until(() -> pipeline.queueDepths().deblur() == 4);
            long t0 = System.nanoTime();
            pipeline.close();
            double stopSeconds = (System.nanoTime() - t0) / 1e9;
            assertTrue(stopSeconds < 5, "stopped in " + stopSeconds + " s");
        } finally {
            release.countDown();
            stage.close();
        }
        assertEquals(5, recorded.size(), "results " + recorded);
        assertEquals(5, recorded.stream().map(InspectionResult::resultId).distinct().count());
        InspectionResult inFlight = byFrame(recorded, 0);
        assertEquals(Outcome.DROPPED, inFlight.outcome());
        assertTrue(inFlight.reason().startsWith("station stopped while deblurring; abandoned after the stop grace"),
                inFlight.reason());
        for (long id = 1; id < 5; id++) {
            InspectionResult r = byFrame(recorded, id);
            assertEquals(Outcome.DROPPED, r.outcome());
            assertEquals("station stopped before inspection (queued for deblurring)", r.reason());
        }
        assertEquals(0, pipeline.framesInFlight());
    }

    private static InspectionResult byFrame(List<InspectionResult> results, long frameId) {
        return results.stream().filter(r -> r.frameId() == frameId).findFirst()
                .orElseThrow(() -> new AssertionError("no result for frame " + frameId));
    }
}
