package io.aoi.plugin.pipeline;

import io.aoi.camera.CameraException;
import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.Pacing;
import io.aoi.camera.SourceState;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.ProcessingTimes;
import io.aoi.results.Verdict;
import io.aoi.results.journal.JournalException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source → deblur → detect → record, one thread per stage, bounded queues between them.
 *
 * <h2>Exactly one record per frame</h2>
 * Every frame that enters is admitted: journaled ({@link ResultRecorder#admit}) before it is processed, and held
 * in the pipeline's table of open frames until its one {@link InspectionResult} is recorded: completed (OK, NG or
 * NO_DECISION), failed (with the reason) or dropped (with the reason). Recording claims the frame in that table,
 * so a frame is never recorded twice, whichever thread records it. Frames the source could not assemble arrive as
 * {@link FrameResult.Dropped} and are recorded as dropped. A deblurrer whose output is not finite or out of range
 * gives a completed result without a decision.
 *
 * <h2>Overload: the source's pacing</h2>
 * What happens when the stages cannot keep up depends on the source's {@link FrameSource#pacing()}. A
 * {@link Pacing#LIVE} source (a line-scan camera, which cannot be paused) is read as fast as it delivers; a frame
 * that finds the deblur queue full is handed to the {@link OverloadHandler} (recorded as dropped, or restored with
 * the fallback). An {@link Pacing#ON_DEMAND} source (an image folder) is read only when the deblur queue has room,
 * so the slowest stage sets the pace and no frame is dropped for overload; the wait for room gives way to a stop
 * within one poll, and nothing is read, nor admitted, while waiting.
 *
 * <h2>Recipe id</h2>
 * A frame that was deblurred (by the recipe's model or an overload fallback) carries the id of the recipe revision
 * whose settings it was deblurred with ({@link AppliedRecipe}), read together with those settings, so its
 * InternalRecipeId, model and passes always belong to one revision, also when the recipe changes while it is in
 * the pipeline; so does a frame whose deblur failed or gave no decision. A frame never deblurred (dropped, or
 * failed before its model ran) carries the revision in force when it entered.
 *
 * <h2>Ending and stopping</h2>
 * When the source ends or the frame limit is reached, every frame inside is finished and recorded. {@link #close()}
 * (a stop: Ctrl-C, SIGTERM, the station shutting down) follows the drain policy: it stops taking frames at once;
 * frames still queued are recorded as dropped ("station stopped before inspection"); a frame being deblurred or
 * detected is finished if it finishes within the stop grace, otherwise it is recorded as dropped with the stage it
 * was in and its late result is discarded; a deblur still running then is aborted ({@link
 * RecipeDeblurStage#abortRunning()}), so the process does not exit, nor the model get freed, under a native call.
 * Results already made are journaled. close returns within about the stop grace plus one source poll, and is
 * idempotent. The stage threads are daemons and are never interrupted
 * (an interrupt would close the journal's file channel under a write).
 *
 * <p>The pipeline does not own the source, stage or recorder: its owner closes them after the pipeline.
 */
public final class StationPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationPipeline.class);
    private static final Duration POLL = Duration.ofMillis(200);
    static final String STOPPED_QUEUED = "station stopped before inspection";
    /** How long close waits for the deblur thread after aborting its model run. */
    private static final Duration ABORT_WAIT = Duration.ofSeconds(1);

    private final FrameSource source;
    private final RecipeDeblurStage<CapturedFrame> deblur;
    private final FrameInspector inspector;
    private final ResultRecorder recorder;
    private final PipelineIdentity identity;
    private final long maxFrames;
    private final Duration stopGrace;
    private final OverloadHandler overload;
    private final Pacing pacing;

    private final BlockingQueue<Item> toDeblur;
    private final BlockingQueue<Item> toDetect;
    private final BlockingQueue<Item> toRecord;
    private final PipelineCounters counters = new PipelineCounters();
    /** Admitted frames without a record yet, by frame id; removing one is the claim to record it. */
    private final Map<Long, OpenFrame> open = new ConcurrentHashMap<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean inspecting = new AtomicBoolean(true);
    /** Where a halted capture loop waits for a resume or a stop. */
    private final Object resumed = new Object();
    /** Where the capture loop of an on-demand source waits for room in the deblur queue, or a stop. */
    private final Object deblurRoom = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<SourceState> sourceState =
            new AtomicReference<>(new SourceState.Starting());
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Thread> threads;

    /** An admitted frame and where it is now, for the reason it is dropped with if the station stops. */
    private static final class OpenFrame {
        final long frameId;
        final long gapLinesBefore;
        final String sourceName;
        final long enteredNanos;
        /** The recipe revision in force when the frame entered, for a record made without deblurring it. */
        final String recipeIdAtEntry;
        volatile String stage = "queued for deblurring";

        OpenFrame(long frameId, long gapLinesBefore, String sourceName, long enteredNanos, String recipeIdAtEntry) {
            this.frameId = frameId;
            this.gapLinesBefore = gapLinesBefore;
            this.sourceName = sourceName;
            this.enteredNanos = enteredNanos;
            this.recipeIdAtEntry = recipeIdAtEntry;
        }
    }

    /** Work travelling between stages. */
    private sealed interface Item {
    }

    private record Captured(CapturedFrame captured) implements Item {
    }

    /** {@code fallback} names the cheaper deblurrer that restored an overload frame; empty normally. */
    private record Restored(CapturedFrame captured, RecipeDeblurStage.Output<CapturedFrame> output,
            double deblurMillis, String fallback) implements Item {
        Frame frame() {
            return captured.frame();
        }

        long enteredNanos() {
            return captured.enteredNanos();
        }
    }

    private record Decided(InspectionResult result) implements Item {
    }

    private record End() implements Item {
    }

    /**
     * @param maxFrames  stop by itself after this many frames entered (0 = run until closed or the source ends)
     * @param queueDepth capacity of each queue between stages
     * @param stopGrace  how long {@link #close()} lets a frame being deblurred or detected finish
     */
    public StationPipeline(FrameSource source, RecipeDeblurStage<CapturedFrame> deblur, FrameInspector inspector,
            ResultRecorder recorder, PipelineIdentity identity, long maxFrames, int queueDepth, Duration stopGrace) {
        this(source, deblur, inspector, recorder, identity, maxFrames, queueDepth, stopGrace,
                OverloadHandler.dropping());
    }

    /**
     * @param overload what becomes of a frame that finds the deblur queue full ({@code deblur.overload}); not
     *                 owned, the caller closes it after the pipeline
     */
    public StationPipeline(FrameSource source, RecipeDeblurStage<CapturedFrame> deblur, FrameInspector inspector,
            ResultRecorder recorder, PipelineIdentity identity, long maxFrames, int queueDepth, Duration stopGrace,
            OverloadHandler overload) {
        this.overload = overload;
        this.source = source;
        this.pacing = Objects.requireNonNull(source.pacing(), () -> source.describe() + ": pacing() is null");
        this.deblur = deblur;
        this.inspector = inspector;
        this.recorder = recorder;
        this.identity = identity;
        this.maxFrames = maxFrames;
        this.stopGrace = stopGrace;
        this.toDeblur = new ArrayBlockingQueue<>(queueDepth);
        this.toDetect = new ArrayBlockingQueue<>(queueDepth);
        this.toRecord = new ArrayBlockingQueue<>(queueDepth * 4);
        this.threads = List.of(
                daemon(this::captureLoop, identity.stationId() + "-capture"),
                daemon(this::deblurLoop, identity.stationId() + "-deblur"),
                daemon(this::detectLoop, identity.stationId() + "-detect"),
                daemon(this::recordLoop, identity.stationId() + "-record"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    public PipelineCounters counters() {
        return counters;
    }

    /** Items waiting in front of the deblur, detect and record stages. */
    public QueueDepths queueDepths() {
        return new QueueDepths(toDeblur.size(), toDetect.size(), toRecord.size());
    }

    /** Frames admitted and not yet recorded. */
    public int framesInFlight() {
        return open.size();
    }

    /**
     * Halts (false) or resumes (true) taking frames from the source. While halted no frame enters the pipeline;
     * frames already inside are still finished and recorded. Any thread.
     */
    public void setInspecting(boolean on) {
        synchronized (resumed) {
            inspecting.set(on);
            resumed.notifyAll();
        }
    }

    /** Sets the stop flag and wakes a halted capture loop, or one waiting for room in the deblur queue. */
    private void stopTaking() {
        synchronized (resumed) {
            stopping.set(true);
            resumed.notifyAll();
        }
        synchronized (deblurRoom) {
            deblurRoom.notifyAll();
        }
    }

    /** Blocks the capture loop while the station is halted, until it resumes or stops. */
    private void awaitResumed() throws InterruptedException {
        synchronized (resumed) {
            while (!inspecting.get() && !stopping.get()) {
                resumed.wait();
            }
        }
    }

    /**
     * Waits, for at most one poll, until the deblur queue has room or the station stops. Only the capture thread
     * puts frames on that queue, so the room it finds is still there when it offers the next frame.
     */
    private void awaitDeblurRoom() throws InterruptedException {
        synchronized (deblurRoom) {
            if (toDeblur.remainingCapacity() == 0 && !stopping.get()) {
                deblurRoom.wait(POLL.toMillis());
            }
        }
    }

    /** Wakes the capture loop of an on-demand source: the deblur stage took an item off its queue. */
    private void tookFromDeblurQueue() {
        if (pacing == Pacing.ON_DEMAND) {
            synchronized (deblurRoom) {
                deblurRoom.notifyAll();
            }
        }
    }

    /** What the source last reported: starting, running, halted, lost or incompatible (with reason), ended, failed. */
    public SourceState sourceState() {
        return sourceState.get();
    }

    /** Waits until every stage has finished (source ended, frame limit reached, or closed). */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The error that stopped the pipeline (a journal that cannot write), if any. */
    public Throwable failure() {
        return fatal.get();
    }

    private void captureLoop() {
        try {
            while (!stopping.get() && (maxFrames == 0 || counters.framesIn() < maxFrames)) {
                if (!inspecting.get()) {
                    sourceState.set(new SourceState.Halted());
                    awaitResumed();
                    continue;
                }
                if (pacing == Pacing.ON_DEMAND && toDeblur.remainingCapacity() == 0) {
                    // back-pressure: the frame waits in the source; the loop checks stop, halt and limit again
                    awaitDeblurRoom();
                    continue;
                }
                FrameResult next = source.next(POLL);
                if (stopping.get()) {
                    // a frame taken after the stop never enters: it is not admitted and needs no record
                    return;
                }
                if (next instanceof FrameResult.Ready ready) {
                    admit(ready.frame());
                } else if (next instanceof FrameResult.Dropped d) {
                    if (enter(d.frameId(), 0, 0, d.sourceName(), 0)) {
                        offerOrRecord(toRecord, new Decided(notInspected(d.frameId(), 0, d.sourceName(),
                                Outcome.DROPPED, d.reason(), 0, recipeAtEntry(d.frameId()))));
                    }
                } else if (next instanceof FrameResult.SourceLost lost) {
                    sourceState.set(SourceState.of(lost));
                } else if (next instanceof FrameResult.Ended) {
                    sourceState.set(new SourceState.Ended());
                    return;
                }
                // TimedOut: the source is alive but idle; poll again
            }
        } catch (CameraException e) {
            LOG.error("frame source failed: " + e.getMessage());
            sourceState.set(new SourceState.Failed(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            offerOrRecord(toDeblur, new End());
        }
    }

    /**
     * Admits a frame: journals the admission, then opens it. A journal that cannot write stops the station.
     *
     * @return whether the frame entered
     */
    private boolean enter(long frameId, long firstLine, long gapLinesBefore, String sourceName, long enteredNanos) {
        counters.framesIn.incrementAndGet();
        String recipeId = identity.recipeId().get();
        open.put(frameId, new OpenFrame(frameId, gapLinesBefore, sourceName, enteredNanos, recipeId));
        try {
            recorder.admit(new FrameAdmission(InspectionResult.resultId(identity.stationId(), identity.jobId(),
                    frameId), identity.stationId(), identity.jobId(), frameId, firstLine, sourceName, Instant.now(),
                    new FrameAdmission.MadeWith(recipeId, identity.configurationId())));
            return true;
        } catch (JournalException e) {
            fail(e);
            return false;
        }
    }

    private void admit(Frame frame) {
        sourceState.set(new SourceState.Running());
        long entered = System.nanoTime();
        if (!enter(frame.frameId(), frame.firstLine(), frame.gapLinesBefore(), frame.sourceName(), entered)) {
            return;
        }
        CapturedFrame captured = new CapturedFrame(frame, entered);
        if (pacing == Pacing.ON_DEMAND) {
            // the room was awaited before the frame was read; should it be gone, the frame waits, it is not dropped
            offerOrRecord(toDeblur, new Captured(captured));
        } else if (!toDeblur.offer(new Captured(captured))) {
            overloaded(captured);
        }
    }

    /**
     * A live source's frame found the deblur queue full: the overload policy drops the frame or restores it with the
     * fallback.
     */
    private void overloaded(CapturedFrame c) {
        Frame frame = c.frame();
        OverloadHandler.Decision decision = overload.decide(frame.image(), toDeblur.size());
        if (decision instanceof OverloadHandler.Decision.Fallback f) {
            RecipeDeblurStage.Output<CapturedFrame> output = new RecipeDeblurStage.Output<>(c, f.restored(),
                    f.recipe(), Double.NaN);
            if (toDetect.offer(new Restored(c, output, f.deblurMillis(), f.fallbackName()))) {
                stage(frame.frameId(), "queued for detection after fallback " + f.fallbackName());
                return;
            }
            decision = new OverloadHandler.Decision.Drop("deblur and detect stages overloaded: fallback "
                    + f.fallbackName() + " restored the frame but detection has " + toDetect.size() + " waiting");
        }
        boolean failed = decision instanceof OverloadHandler.Decision.Failed;
        String reason = decision instanceof OverloadHandler.Decision.Drop d ? d.reason()
                : ((OverloadHandler.Decision.Failed) decision).reason();
        offerOrRecord(toRecord, new Decided(notInspected(frame, failed ? Outcome.FAILED : Outcome.DROPPED, reason,
                c.enteredNanos())));
    }

    /**
     * Not a plain map like the other stages: a multi-frame model returns a frame one frame late, and returns
     * the frame it holds when the source ends or a gap breaks the sequence.
     */
    private void deblurLoop() {
        try {
            while (!stopping.get()) {
                Item item = toDeblur.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (item != null) {
                    tookFromDeblurQueue();
                }
                if (item == null || keptAtStop(item)) {
                    continue;
                }
                if (item instanceof End) {
                    emit(deblur.endRun(), System.nanoTime());
                    offerOrRecord(toDetect, item);
                    return;
                }
                if (item instanceof Decided) {
                    offerOrRecord(toDetect, item);
                    continue;
                }
                CapturedFrame c = ((Captured) item).captured();
                stage(c.frame().frameId(), "deblurring");
                long t0 = System.nanoTime();
                try {
                    emit(deblur.accept(c, c.frame().image(), c.frame().gapLinesBefore() > 0), t0);
                } catch (RuntimeException | LinkageError e) {
                    offerOrRecord(toDetect, new Decided(notInspected(c.frame(), Outcome.FAILED,
                            "deblur failed: " + e, c.enteredNanos())));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Passes a batch on; deblur time is that of the call that finished it. */
    private void emit(RecipeDeblurStage.Batch<CapturedFrame> batch, long startedNanos) {
        double millis = millisSince(startedNanos);
        for (RecipeDeblurStage.Output<CapturedFrame> out : batch.restored()) {
            stage(out.tag().frame().frameId(), "queued for detection");
            offerOrRecord(toDetect, new Restored(out.tag(), out, millis, ""));
        }
        for (RecipeDeblurStage.Failure<CapturedFrame> f : batch.failed()) {
            if (stopping.get()) {
                // a run aborted by the stop: the frames stay open and close records them as dropped
                continue;
            }
            for (CapturedFrame c : f.tags()) {
                InspectionResult r = f.unusableOutput()
                        ? undecided(c, "deblur output unusable: " + f.reason(), millis, f.recipeId())
                        : notInspected(c.frame(), Outcome.FAILED, "deblur failed: " + f.reason(), c.enteredNanos(),
                                f.recipeId());
                offerOrRecord(toDetect, new Decided(r));
            }
        }
    }

    private void detectLoop() {
        try {
            while (!stopping.get()) {
                Item item = toDetect.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null || keptAtStop(item)) {
                    continue;
                }
                if (item instanceof Restored r) {
                    item = detect(r);
                }
                offerOrRecord(toRecord, item);
                if (item instanceof End) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Decided detect(Restored r) {
        stage(r.frame().frameId(), "detecting");
        long t0 = System.nanoTime();
        try {
            Inspection inspection = inspector.inspect(r.frame(), r.output().image());
            return new Decided(completed(r, inspection, millisSince(t0)));
        } catch (RuntimeException | LinkageError e) {
            return new Decided(notInspected(r.frame(), Outcome.FAILED, "detection failed: " + e.getMessage(),
                    r.enteredNanos(), r.output().applied().recipeId()));
        }
    }

    private void recordLoop() {
        try {
            while (true) {
                Item item = toRecord.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (stopping.get()) {
                        return;
                    }
                    continue;
                }
                if (item instanceof End) {
                    return;
                }
                record(((Decided) item).result());
            }
        } catch (JournalException e) {
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    /** Records a frame's result unless it already has one (then the late result is discarded). */
    /**
     * Records a frame's result once: the frame leaves {@link #open} first, so that no other thread records it too,
     * and comes back when the journal refuses the result, so that it is still counted as unrecorded (and the next
     * start records it as interrupted).
     */
    private void record(InspectionResult result) throws JournalException {
        OpenFrame frame = open.remove(result.frameId());
        if (frame == null) {
            return;
        }
        try {
            recorder.record(result);
        } catch (JournalException e) {
            open.put(result.frameId(), frame);
            throw e;
        }
        count(result);
    }

    /**
     * After the stop a stage does no more work: a result already made is recorded now, a frame is left open for
     * {@link #close()} to record as dropped.
     *
     * @return whether the station is stopping (the item is dealt with)
     */
    private boolean keptAtStop(Item item) {
        if (!stopping.get()) {
            return false;
        }
        if (item instanceof Decided d) {
            try {
                record(d.result());
            } catch (JournalException e) {
                fail(e);
            }
        }
        return true;
    }

    private void fail(JournalException e) {
        if (fatal.compareAndSet(null, e)) {
            LOG.error("cannot journal, stopping the station: " + e.getMessage());
        }
        stopTaking();
    }

    private void stage(long frameId, String stage) {
        OpenFrame f = open.get(frameId);
        if (f != null) {
            f.stage = stage;
        }
    }

    /**
     * Puts an item on a queue, waiting while it is full; when the station stops meanwhile, a result is recorded
     * here and a frame is left open, for {@link #close()} to record as dropped.
     */
    private void offerOrRecord(BlockingQueue<Item> queue, Item item) {
        try {
            while (!queue.offer(item, POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (stopping.get()) {
                    if (item instanceof Decided d) {
                        record(d.result());
                    }
                    return;
                }
            }
        } catch (JournalException e) {
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private InspectionResult completed(Restored r, Inspection inspection, double detectMillis) {
        Frame frame = r.frame();
        double totalMillis = millisSince(r.enteredNanos());
        counters.deblur.add(r.deblurMillis());
        counters.detect.add(detectMillis);
        counters.total.add(totalMillis);
        return base(frame.frameId(), frame.gapLinesBefore(), frame.sourceName(), r.output().applied().recipeId())
                .outcome(Outcome.COMPLETED).verdict(inspection.verdict()).reason(inspection.reason())
                .deblurModel(r.output().modelName()).deblurPasses(r.output().passes())
                .defocusSigmaPx(r.output().defocusSigmaPx()).deblurFallback(r.fallback())
                .particleCount(inspection.particleCount()).densityPerMm2(inspection.densityPerMm2())
                .bumps(inspection.bumps()).times(new ProcessingTimes(r.deblurMillis(), detectMillis, totalMillis))
                .illuminationAngleDeg(inspection.illuminationAngleDeg())
                .contrastThreshold(inspection.contrastThreshold())
                .build();
    }

    /** A frame the deblurrer restored into something that cannot be judged. */
    private InspectionResult undecided(CapturedFrame c, String reason, double deblurMillis, String recipeId) {
        Frame frame = c.frame();
        return base(frame.frameId(), frame.gapLinesBefore(), frame.sourceName(), recipeId).outcome(Outcome.COMPLETED)
                .verdict(Verdict.NO_DECISION).reason(reason)
                .times(new ProcessingTimes(deblurMillis, 0, millisSince(c.enteredNanos()))).build();
    }

    /** A frame never deblurred: it carries the recipe revision in force when it entered. */
    private InspectionResult notInspected(Frame frame, Outcome outcome, String reason, long enteredNanos) {
        return notInspected(frame, outcome, reason, enteredNanos, recipeAtEntry(frame.frameId()));
    }

    private InspectionResult notInspected(Frame frame, Outcome outcome, String reason, long enteredNanos,
            String recipeId) {
        return notInspected(frame.frameId(), frame.gapLinesBefore(), frame.sourceName(), outcome, reason,
                enteredNanos, recipeId);
    }

    private InspectionResult notInspected(long frameId, long gapLinesBefore, String sourceName, Outcome outcome,
            String reason, long enteredNanos, String recipeId) {
        double totalMillis = enteredNanos == 0 ? 0 : millisSince(enteredNanos);
        return base(frameId, gapLinesBefore, sourceName, recipeId).outcome(outcome).reason(reason)
                .times(new ProcessingTimes(0, 0, totalMillis)).build();
    }

    /** The recipe revision in force when the frame entered (or now, for a frame no longer open). */
    private String recipeAtEntry(long frameId) {
        OpenFrame f = open.get(frameId);
        return f != null ? f.recipeIdAtEntry : identity.recipeId().get();
    }

    private InspectionResult.Builder base(long frameId, long gapLinesBefore, String sourceName, String recipeId) {
        return InspectionResult.builder().stationId(identity.stationId()).jobId(identity.jobId()).frameId(frameId)
                .idFromParts().gapLinesBefore(gapLinesBefore).sourceName(sourceName).createdAt(Instant.now())
                .recipeId(recipeId).configurationId(identity.configurationId());
    }

    private void count(InspectionResult result) {
        switch (result.outcome()) {
            case COMPLETED -> {
                counters.completed.incrementAndGet();
                switch (result.verdict()) {
                    case OK -> counters.ok.incrementAndGet();
                    case NG -> counters.ng.incrementAndGet();
                    default -> counters.noDecision.incrementAndGet();
                }
            }
            case FAILED -> counters.failed.incrementAndGet();
            case DROPPED, INTERRUPTED -> counters.dropped.incrementAndGet();
        }
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    /**
     * Stops the pipeline following the drain policy in the class comment; returns within about the stop grace.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean stopped = finished.getCount() > 0 && !stopping.get();
        stopTaking();
        long deadline = System.nanoTime() + stopGrace.toNanos();
        try {
            for (Thread t : threads) {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                }
            }
            Thread deblurThread = threads.get(1);
            if (deblurThread.isAlive()) {
                // the grace is over: end the model run of the frame in flight rather than exit under it
                deblur.abortRunning();
                deblurThread.join(ABORT_WAIT.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        recordLeftovers(stopped);
    }

    /** Journals results already made, then records every frame still open as dropped, naming its stage. */
    private void recordLeftovers(boolean stopped) {
        List<Item> made = new ArrayList<>();
        toRecord.drainTo(made);
        toDetect.drainTo(made);
        int dropped = 0;
        try {
            for (Item item : made) {
                if (item instanceof Decided d) {
                    record(d.result());
                }
            }
            List<OpenFrame> left = new ArrayList<>(open.values());
            left.sort(Comparator.comparingLong(f -> f.frameId));
            for (OpenFrame f : left) {
                String reason = f.stage.startsWith("queued") ? STOPPED_QUEUED + " (" + f.stage + ")"
                        : "station stopped while " + f.stage + "; abandoned after the stop grace of " + stopGrace;
                record(notInspected(f.frameId, f.gapLinesBefore, f.sourceName, Outcome.DROPPED, reason,
                        f.enteredNanos, f.recipeIdAtEntry));
                dropped++;
            }
        } catch (JournalException e) {
            fail(e);
            LOG.error("{} frame(s) could not be recorded at stop; they are recorded as interrupted at the next "
                    + "start", open.size());
        }
        toDeblur.clear();
        if (stopped || dropped > 0) {
            LOG.info("pipeline stopped: {} frame(s) inside at the stop recorded as dropped", dropped);
        }
    }
}
