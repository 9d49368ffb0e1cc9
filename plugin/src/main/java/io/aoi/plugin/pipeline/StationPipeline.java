package io.aoi.plugin.pipeline;

import io.aoi.camera.CameraException;
import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.ProcessingTimes;
import io.aoi.results.Verdict;
import io.aoi.results.journal.JournalException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Source → deblur → detect → record, one thread per stage, bounded queues between them.
 *
 * <p>Every frame that enters ends in exactly one {@link InspectionResult}: completed (OK/NG), failed (with
 * the exception's message) or dropped (with the reason). Frames the source could not assemble arrive as
 * {@link FrameResult.Dropped} and are recorded as dropped. When the deblur queue is full (the models cannot
 * keep up with the camera) the newest frame is dropped and recorded, because a line-scan camera cannot be
 * paused. The later queues block instead, so nothing past deblur is ever dropped.
 *
 * <p>Life cycle: {@link #start()} once, then {@link #close()} from any thread; close stops the source, lets
 * the stages finish the frames already taken (up to {@code drainTimeout}), records whatever is left as
 * dropped, and is idempotent. The pipeline does not own the source, stage or recorder: its owner closes them
 * after the pipeline.
 */
public final class StationPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StationPipeline.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final FrameSource source;
    private final RecipeDeblurStage<CapturedFrame> deblur;
    private final FrameInspector inspector;
    private final ResultRecorder recorder;
    private final PipelineIdentity identity;
    private final long maxFrames;
    private final Duration drainTimeout;

    private final BlockingQueue<Item> toDeblur;
    private final BlockingQueue<Item> toDetect;
    private final BlockingQueue<Item> toRecord;
    private final PipelineCounters counters = new PipelineCounters();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicBoolean inspecting = new AtomicBoolean(true);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<String> sourceState = new AtomicReference<>("starting");
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<Thread> threads;
    /** Items a stage held when it was interrupted; recorded as dropped by {@link #close()}. */
    private final Queue<Item> stranded = new ConcurrentLinkedQueue<>();

    /** Work travelling between stages. */
    private sealed interface Item {
    }

    private record Captured(CapturedFrame captured) implements Item {
    }

    private record Restored(CapturedFrame captured, RecipeDeblurStage.Output<CapturedFrame> output,
            double deblurMillis) implements Item {
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
     * @param maxFrames    stop by itself after this many frames entered (0 = run until closed or the source ends)
     * @param queueDepth   capacity of each queue between stages
     * @param drainTimeout how long close waits for frames already in the pipeline
     */
    public StationPipeline(FrameSource source, RecipeDeblurStage<CapturedFrame> deblur, FrameInspector inspector, ResultRecorder recorder,
            PipelineIdentity identity, long maxFrames, int queueDepth, Duration drainTimeout) {
        this.source = source;
        this.deblur = deblur;
        this.inspector = inspector;
        this.recorder = recorder;
        this.identity = identity;
        this.maxFrames = maxFrames;
        this.drainTimeout = drainTimeout;
        this.toDeblur = new ArrayBlockingQueue<>(queueDepth);
        this.toDetect = new ArrayBlockingQueue<>(queueDepth);
        this.toRecord = new ArrayBlockingQueue<>(queueDepth * 4);
        this.threads = List.of(
                new Thread(this::captureLoop, identity.stationId() + "-capture"),
                new Thread(this::deblurLoop, identity.stationId() + "-deblur"),
                new Thread(this::detectLoop, identity.stationId() + "-detect"),
                new Thread(this::recordLoop, identity.stationId() + "-record"));
    }

    public void start() {
        threads.forEach(Thread::start);
    }

    public PipelineCounters counters() {
        return counters;
    }

    /** Items waiting in front of the deblur, detect and record stages. */
    public int[] queueDepths() {
        return new int[] {toDeblur.size(), toDetect.size(), toRecord.size()};
    }

    /**
     * Halts (false) or resumes (true) taking frames from the source. While halted no frame enters the pipeline;
     * frames already inside are still finished and recorded. Any thread.
     */
    public void setInspecting(boolean on) {
        inspecting.set(on);
    }

    /** What the source last reported: running, halted, lost (with reason), ended. */
    public String sourceState() {
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
                    sourceState.set("halted");
                    Thread.sleep(POLL.toMillis());
                    continue;
                }
                FrameResult next = source.next(POLL);
                if (next instanceof FrameResult.Ready ready) {
                    admit(ready.frame());
                } else if (next instanceof FrameResult.Dropped d) {
                    counters.framesIn.incrementAndGet();
                    putQuietly(toRecord, new Decided(notInspected(d.frameId(), 0, source.describe(),
                            Outcome.DROPPED, d.reason(), 0)));
                } else if (next instanceof FrameResult.SourceLost lost) {
                    sourceState.set("lost: " + lost.reason());
                } else if (next instanceof FrameResult.Ended) {
                    sourceState.set("ended");
                    return;
                }
                // TimedOut: the source is alive but idle; poll again
            }
        } catch (CameraException e) {
            LOG.error("frame source failed: " + e.getMessage(), e);
            sourceState.set("failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            putQuietly(toDeblur, new End());
        }
    }

    private void admit(Frame frame) {
        sourceState.set("running");
        counters.framesIn.incrementAndGet();
        long entered = System.nanoTime();
        if (!toDeblur.offer(new Captured(new CapturedFrame(frame, entered)))) {
            putQuietly(toRecord, new Decided(notInspected(frame, Outcome.DROPPED,
                    "deblur stage overloaded: " + toDeblur.size() + " frames waiting", entered)));
        }
    }

    /**
     * Not a plain map like the other stages: a multi-frame model returns a frame one frame late, and returns
     * the frame it holds when the source ends or a gap breaks the sequence.
     */
    private void deblurLoop() {
        try {
            while (true) {
                Item item = toDeblur.take();
                if (item instanceof End) {
                    emit(deblur.endRun(), System.nanoTime());
                    putQuietly(toDetect, item);
                    return;
                }
                if (item instanceof Decided) {
                    putQuietly(toDetect, item);
                    continue;
                }
                CapturedFrame c = ((Captured) item).captured();
                long t0 = System.nanoTime();
                emit(deblur.accept(c, c.frame().image(), c.frame().gapLinesBefore() > 0), t0);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deblur.abandon().forEach(c -> stranded.add(new Captured(c)));
        }
    }

    /** Passes a batch on; deblur time is that of the call that finished it. */
    private void emit(RecipeDeblurStage.Batch<CapturedFrame> batch, long startedNanos) {
        double millis = millisSince(startedNanos);
        for (RecipeDeblurStage.Output<CapturedFrame> out : batch.restored()) {
            putQuietly(toDetect, new Restored(out.tag(), out, millis));
        }
        for (RecipeDeblurStage.Failure<CapturedFrame> f : batch.failed()) {
            for (CapturedFrame c : f.tags()) {
                putQuietly(toDetect, new Decided(notInspected(c.frame(), Outcome.FAILED,
                        "deblur failed: " + f.reason(), c.enteredNanos())));
            }
        }
    }

    private void detectLoop() {
        forward(toDetect, toRecord, item -> {
            if (item instanceof Decided decided) {
                return decided;
            }
            Restored r = (Restored) item;
            long t0 = System.nanoTime();
            try {
                Inspection inspection = inspector.inspect(r.frame(), r.output().image());
                double detectMillis = millisSince(t0);
                return new Decided(completed(r, inspection, detectMillis));
            } catch (RuntimeException e) {
                return new Decided(notInspected(r.frame(), Outcome.FAILED,
                        "detection failed: " + e.getMessage(), r.enteredNanos()));
            }
        });
    }

    private void recordLoop() {
        Item item = null;
        try {
            while (true) {
                item = toRecord.take();
                if (item instanceof End) {
                    return;
                }
                InspectionResult result = ((Decided) item).result();
                recorder.record(result);
                count(result);
                item = null;
            }
        } catch (JournalException e) {
            LOG.error("cannot record results, stopping the station: " + e.getMessage(), e);
            fatal.set(e);
            stopping.set(true);
            stranded.add(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finished.countDown();
        }
    }

    /** Runs one stage: takes items, maps them, passes results on, forwards the end marker. */
    private void forward(BlockingQueue<Item> in, BlockingQueue<Item> out, StageFunction f) {
        Item held = null;
        try {
            while (true) {
                held = in.take();
                if (held instanceof End) {
                    out.put(held);
                    return;
                }
                if (!(held instanceof Decided)) {
                    held = f.apply(held);
                }
                out.put(held);
                held = null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (held != null && !(held instanceof End)) {
                stranded.add(held);
            }
        }
    }

    @FunctionalInterface
    private interface StageFunction {
        Item apply(Item item);
    }

    private InspectionResult completed(Restored r, Inspection inspection, double detectMillis) {
        Frame frame = r.frame();
        double totalMillis = millisSince(r.enteredNanos());
        counters.deblur.add(r.deblurMillis());
        counters.detect.add(detectMillis);
        counters.total.add(totalMillis);
        return InspectionResult.builder().stationId(identity.stationId()).jobId(identity.jobId())
                .frameId(frame.frameId()).idFromParts().gapLinesBefore(frame.gapLinesBefore())
                .sourceName(frame.sourceName()).createdAt(Instant.now()).outcome(Outcome.COMPLETED)
                .verdict(inspection.verdict()).recipeId(identity.recipeId().get())
                .deblurModel(r.output().modelName()).deblurPasses(r.output().passes())
                .particleCount(inspection.particleCount()).densityPerMm2(inspection.densityPerMm2())
                .bumps(inspection.bumps()).times(new ProcessingTimes(r.deblurMillis(), detectMillis, totalMillis))
                .illuminationAngleDeg(inspection.illuminationAngleDeg())
                .build();
    }

    private InspectionResult notInspected(Frame frame, Outcome outcome, String reason, long enteredNanos) {
        return notInspected(frame.frameId(), frame.gapLinesBefore(), frame.sourceName(), outcome, reason,
                enteredNanos);
    }

    private InspectionResult notInspected(long frameId, long gapLinesBefore, String sourceName, Outcome outcome,
            String reason, long enteredNanos) {
        double totalMillis = enteredNanos == 0 ? 0 : millisSince(enteredNanos);
        return InspectionResult.builder().stationId(identity.stationId()).jobId(identity.jobId()).frameId(frameId)
                .idFromParts().gapLinesBefore(gapLinesBefore).sourceName(sourceName).createdAt(Instant.now())
                .outcome(outcome).reason(reason).recipeId(identity.recipeId().get())
                .times(new ProcessingTimes(0, 0, totalMillis)).build();
    }

    private void count(InspectionResult result) {
        switch (result.outcome()) {
            case COMPLETED -> {
                counters.completed.incrementAndGet();
                (result.verdict() == Verdict.OK ? counters.ok : counters.ng).incrementAndGet();
            }
            case FAILED -> counters.failed.incrementAndGet();
            case DROPPED -> counters.dropped.incrementAndGet();
        }
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    /** Puts an item on a queue; if interrupted, keeps it for {@link #close()} to record. */
    private void putQuietly(BlockingQueue<Item> queue, Item item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (!(item instanceof End)) {
                stranded.add(item);
            }
        }
    }

    /**
     * Stops taking frames, lets the stages finish what they hold for up to the drain timeout, then stops them.
     * Frames still queued after that are recorded as dropped by the record stage's last pass.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping.set(true);
        try {
            boolean drained = finished.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!drained) {
                LOG.warn("pipeline did not drain within " + drainTimeout + "; recording the rest as dropped");
            }
            // after a drain every stage has returned; after a timeout or a journal failure some may still
            // wait on a queue, and the interrupt ends them
            threads.forEach(Thread::interrupt);
            for (Thread t : threads) {
                t.join(drainTimeout.toMillis());
            }
            recordLeftovers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void recordLeftovers() {
        for (Queue<Item> q : List.of(stranded, toDeblur, toDetect, toRecord)) {
            for (Item item; (item = q.poll()) != null; ) {
                InspectionResult result = null;
                if (item instanceof Captured c) {
                    result = notInspected(c.captured().frame(), Outcome.DROPPED,
                            "station stopped before inspection", c.captured().enteredNanos());
                } else if (item instanceof Restored r) {
                    result = notInspected(r.frame(), Outcome.DROPPED,
                            "station stopped before inspection", r.enteredNanos());
                } else if (item instanceof Decided d) {
                    result = d.result();
                }
                if (result != null) {
                    try {
                        recorder.record(result);
                        count(result);
                    } catch (JournalException e) {
                        LOG.error("could not record " + result.resultId() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
    }
}
