package io.aoi.plugin.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.folder.ImageFolderSource;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.ImageFolderSettings;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.SingleFrameStage;
import io.aoi.image.Image;
import io.aoi.image.ImageFiles;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that can wait ({@link io.aoi.camera.Pacing#ON_DEMAND}, the image folder) is read only when the deblur
 * stage has room: none of its frames is dropped for overload, a stop still records every admitted frame once, and
 * the same files declared live are still dropped.
 */
class OnDemandPacingTest {
    private static final DeblurSettings SETTINGS = DeblurSettings.DEFAULTS.with(DeblurModel.WIENER, 1)
            .withThreads(1).withWiener(2.0, 0.01);
    private static final RecipeSnapshot RECIPE = new RecipeSnapshot("recipe-1", SETTINGS);
    private static final Duration SLOW_MODEL = Duration.ofMillis(40);

    @TempDir
    Path dir;

    private static Deblurrer slow(String name) {
        return GatedDeblurrer.slow(name, SLOW_MODEL);
    }

    /** Seeded frames f00.png, f01.png, ...; the pixels do not matter to the pipeline, the count does. */
    private void writeFrames(int count) throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < count; i++) {
            short[] s = new short[32 * 16];
            for (int k = 0; k < s.length; k++) {
                s[k] = (short) random.nextInt(256);
            }
            ImageFiles.write(new Image(32, 16, 1, 8, s), dir.resolve(String.format("f%02d.png", i)));
        }
    }

    private static Inspection ok(io.aoi.camera.Frame frame, Image restored) {
        return new Inspection(0, 0, List.of(), Verdict.OK);
    }

    /** Admissions and results, in the order the pipeline made them durable. */
    private static final class Recorded implements ResultRecorder {
        final List<FrameAdmission> admitted = Collections.synchronizedList(new ArrayList<>());
        final List<InspectionResult> results = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void admit(FrameAdmission a) {
            admitted.add(a);
        }

        @Override
        public void record(InspectionResult r) {
            results.add(r);
        }

        List<InspectionResult> byFrame() {
            List<InspectionResult> sorted = new ArrayList<>(results);
            sorted.sort(Comparator.comparingLong(InspectionResult::frameId));
            return sorted;
        }
    }

    private static Recorded runToTheEnd(FrameSource source, Deblurrer model, int queueDepth,
            OverloadHandler overload) throws Exception {
        Recorded recorded = new Recorded();
        source.start();
        try (RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(model, passes));
                StationPipeline pipeline = new StationPipeline(source, stage, OnDemandPacingTest::ok, recorded,
                        TestIdentities.job("J1"), 0, queueDepth, Duration.ofSeconds(20),
                        overload)) {
            pipeline.start();
            assertTrue(pipeline.awaitFinished(Duration.ofSeconds(60)), "pipeline did not finish");
        }
        return recorded;
    }

    @Test
    void aFolderBehindASlowModelGivesEveryFrameAnInspectedResultNoneDroppedNoneFallenBack() throws Exception {
        int n = 12;
        writeFrames(n);
        // the fallback would be used for any frame that found the deblur stage busy: it must never be
        Recorded recorded;
        try (ImageFolderSource folder = new ImageFolderSource(new ImageFolderSettings(dir, false));
                OverloadHandler overload = OverloadHandler.withFallback(slow("fallback"), () -> RECIPE)) {
            recorded = runToTheEnd(folder, slow("wiener"), 1, overload);
        }

        List<InspectionResult> results = recorded.byFrame();
        assertEquals(n, results.size(), () -> "results " + results);
        for (int i = 0; i < n; i++) {
            InspectionResult r = results.get(i);
            assertEquals(i, r.frameId());
            assertEquals(Outcome.COMPLETED, r.outcome(), r.reason());
            assertEquals("", r.deblurFallback(), "frame " + i + " waited for the model instead");
            assertEquals("wiener", r.deblurModel());
            assertEquals(String.format("f%02d.png", i), r.sourceName());
        }
    }

    @Test
    void theSameFilesFromALiveSourceAreStillDroppedWhenTheModelCannotKeepUp() throws Exception {
        int n = 12;
        writeFrames(n);
        Recorded recorded;
        try (FrameSource live = new LiveView(new ImageFolderSource(new ImageFolderSettings(dir, false)));
                OverloadHandler overload = OverloadHandler.dropping()) {
            recorded = runToTheEnd(live, slow("wiener"), 1, overload);
        }

        assertEquals(n, recorded.results.size());
        List<InspectionResult> dropped = recorded.results.stream().filter(r -> r.outcome() == Outcome.DROPPED)
                .toList();
        assertTrue(dropped.size() > 0, "a 40 ms model with a queue of one cannot keep up with files read at once");
        dropped.forEach(r -> assertTrue(r.reason().startsWith("deblur stage overloaded"), r.reason()));
    }

    @Test
    void stoppingWhileTheFolderWaitsForTheModelRecordsEveryAdmittedFrameOnceAndReadsNoFurther() throws Exception {
        writeFrames(10);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Recorded recorded = new Recorded();
        ImageFolderSource folder = new ImageFolderSource(new ImageFolderSettings(dir, true));
        folder.start();
        RecipeDeblurStage<CapturedFrame> stage = new RecipeDeblurStage<>(() -> RECIPE,
                (s, passes) -> new SingleFrameStage<>(new GatedDeblurrer("stuck", entered, release, Duration.ZERO),
                        passes));
        StationPipeline pipeline = new StationPipeline(folder, stage, OnDemandPacingTest::ok, recorded,
                TestIdentities.job("J1"), 0, 2, Duration.ofMillis(500),
                OverloadHandler.dropping());
        try {
            pipeline.start();
            assertTrue(entered.await(10, TimeUnit.SECONDS), "the first frame reached the model");
            Awaitility.await("two frames queued behind the stuck model").atMost(Duration.ofSeconds(10))
                    .until(() -> pipeline.queueDepths().deblur() == 2);
            pipeline.close();
        } finally {
            release.countDown();
            stage.close();
            folder.close();
        }

        assertEquals(3, folder.counters().stripsReceived(), "one file in the model, two queued, none read ahead");
        assertEquals(List.of("f00.png", "f01.png", "f02.png"),
                recorded.admitted.stream().map(FrameAdmission::sourceName).toList());
        List<InspectionResult> results = recorded.byFrame();
        assertEquals(List.of(0L, 1L, 2L), results.stream().map(InspectionResult::frameId).toList(),
                "exactly one record per admitted frame");
        assertTrue(results.get(0).reason().startsWith("station stopped while deblurring"), results.get(0).reason());
        for (InspectionResult r : results.subList(1, 3)) {
            assertEquals(Outcome.DROPPED, r.outcome());
            assertEquals(StationPipeline.STOPPED_QUEUED + " (queued for deblurring)", r.reason());
        }
        assertEquals(0, pipeline.framesInFlight());
    }

    @Test
    void anUnreadableFileIsAdmittedAndRecordedUnderItsFileName() throws Exception {
        writeFrames(1);
        byte[] png = Files.readAllBytes(dir.resolve("f00.png"));
        Files.write(dir.resolve("f01.png"), Arrays.copyOf(png, png.length / 2));
        Files.write(dir.resolve("f02.png"), new byte[0]);
        Files.writeString(dir.resolve("f03.png"), "a text file named .png", StandardCharsets.UTF_8);
        Recorded recorded;
        try (ImageFolderSource folder = new ImageFolderSource(new ImageFolderSettings(dir, false));
                OverloadHandler overload = OverloadHandler.dropping()) {
            recorded = runToTheEnd(folder, slow("wiener"), 4, overload);
        }

        List<String> names = List.of("f00.png", "f01.png", "f02.png", "f03.png");
        assertEquals(names, recorded.admitted.stream().map(FrameAdmission::sourceName).toList());
        List<InspectionResult> results = recorded.byFrame();
        assertEquals(names, results.stream().map(InspectionResult::sourceName).toList());
        assertEquals(Outcome.COMPLETED, results.get(0).outcome());
        for (InspectionResult r : results.subList(1, 4)) {
            assertEquals(Outcome.DROPPED, r.outcome());
            assertTrue(r.reason().startsWith(r.sourceName() + ": "), r.reason());
        }
    }

    /** A folder's frames behind a source that does not say it can wait: live, as every source is by default. */
    private static final class LiveView implements FrameSource {
        private final FrameSource inner;

        LiveView(FrameSource inner) {
            this.inner = inner;
        }

        @Override
        public String describe() {
            return "live " + inner.describe();
        }

        @Override
        public void start() throws CameraException {
            inner.start();
        }

        @Override
        public FrameResult next(Duration timeout) throws CameraException, InterruptedException {
            return inner.next(timeout);
        }

        @Override
        public SourceCounters counters() {
            return inner.counters();
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
