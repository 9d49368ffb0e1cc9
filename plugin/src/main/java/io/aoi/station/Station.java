package io.aoi.station;

import io.aoi.camera.Frame;
import io.aoi.camera.SourceState;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigException;
import io.aoi.config.StationConfigLoader;
import io.aoi.image.Image;
import io.aoi.opcua.RecipeControl;
import io.aoi.opcua.RecipeState;
import io.aoi.opcua.VisionState;
import io.aoi.opcua.VisionStateMachine;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.plugin.pipeline.QueueDepths;
import io.aoi.plugin.runtime.RuntimeOptions;
import io.aoi.plugin.runtime.StationException;
import io.aoi.plugin.runtime.StationRuntime;
import io.aoi.plugin.runtime.TruthScore;
import io.aoi.results.InspectionResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inspection station embedded in a host: the journal, deblur model, detector, pipeline and (optionally) OPC UA
 * server of one station file, started by {@link #open} and stopped by {@link #close}.
 *
 * <pre>{@code
 * try (Station station = Station.open(Path.of("station.yaml"),
 *         StationOptions.defaults().withHostFrames(8).withOpcUaServer(false))) {
 *     station.addResultListener(r -> System.out.println(r.frameId() + " " + r.verdict()));
 *     PushOutcome outcome = station.push(image);
 * }
 * }</pre>
 *
 * <h2>Frames and results</h2>
 * The station runs its own configured source, or takes the frames the host pushes ({@link #push}); a pushed frame
 * is queued or refused with a typed {@link PushOutcome}. Every frame the station admits gets exactly one
 * {@link InspectionResult} (completed, failed or dropped, with its reason), written to the crash-safe journal first,
 * then given to the {@link ResultListener}s and to the {@link #results()} queue. Frames an earlier run admitted and
 * never recorded (a crash) are recorded as INTERRUPTED at open ({@link #recovered()}).
 *
 * <h2>Threads</h2>
 * The station runs its own threads (capture, deblur, detect, record; OPC UA's). Listeners are called on the record
 * thread, see {@link ResultListener}. Every public method is thread-safe; {@link #push} may be called from any
 * number of threads. The state machine ({@link #stateMachine()}) is shared with the OPC UA server: a host and OPC UA
 * clients see and drive one state.
 *
 * <h2>Ownership</h2>
 * A pushed {@link Image} belongs to the station from the call on (images are immutable by contract: the host must
 * not write to its samples array again). Results are immutable records. The station owns every native resource it
 * opens (OpenCV, ONNX Runtime, camera, OPC UA server) and frees them in {@link #close}; none appears in this API.
 */
public final class Station implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Station.class);
    /** How long {@link #close} lets pushed frames already queued reach the pipeline and finish. */
    public static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** Who a host's recipe changes are audited as. */
    public static final String HOST_USER = "host";

    private final StationRuntime runtime;
    private final StationConfig config;
    private final StationOptions options;
    private final Optional<PushFrameSource> pushed;
    private final List<ResultListener> listeners;
    private final BlockingQueue<InspectionResult> results;
    private final AtomicLong notQueued;
    /** Guards {@link #queuedPushes}, so the frame limit counts each queued push once. */
    private final Object pushLock = new Object();
    private long queuedPushes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Station(StationRuntime runtime, StationConfig config, StationOptions options,
            Optional<PushFrameSource> pushed, Dispatch dispatch) {
        this.runtime = runtime;
        this.config = config;
        this.options = options;
        this.pushed = pushed;
        this.listeners = dispatch.listeners;
        this.results = dispatch.results;
        this.notQueued = dispatch.notQueued;
    }

    /** Gives each result to the queue and the listeners; built before the runtime so no result is missed. */
    private static final class Dispatch {
        final List<ResultListener> listeners = new CopyOnWriteArrayList<>();
        final BlockingQueue<InspectionResult> results;
        final AtomicLong notQueued = new AtomicLong();

        Dispatch(int capacity) {
            results = new ArrayBlockingQueue<>(capacity);
        }

        void accept(InspectionResult r) {
            if (!results.offer(r)) {
                notQueued.incrementAndGet();
            }
            tellEach(listeners, l -> l.onResult(r), r.resultId() + " (the result is in the journal)");
        }
    }

    /** Tells every listener; one that fails is logged with {@code about} and the others are still told. */
    private static void tellEach(List<ResultListener> listeners, Consumer<ResultListener> tell, String about) {
        for (ResultListener l : listeners) {
            try {
                tell.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("a result listener failed on " + about + ": " + e, e);
            }
        }
    }

    /** Opens the station file with {@link StationOptions#defaults()}. */
    public static Station open(Path stationFile) throws StationException {
        return open(stationFile, StationOptions.defaults());
    }

    /** @throws StationException naming the file, line, field and value when the station file is wrong */
    public static Station open(Path stationFile, StationOptions options) throws StationException {
        StationConfig config;
        try {
            config = StationConfigLoader.load(stationFile, Deblurrers.names());
        } catch (StationConfigException e) {
            throw new StationException(e.getMessage(), e);
        }
        return open(config, options);
    }

    /** Opens a station from its config records with {@link StationOptions#defaults()}. */
    public static Station open(StationConfig config) throws StationException {
        return open(config, StationOptions.defaults());
    }

    /**
     * Starts the station: journal (with crash recovery), detector, deblur model (native libraries load here, never
     * later on a stage thread), frame source, OPC UA server if asked, pipeline. Each part is stopped again when a
     * later one fails. Returns once it is continuously executing.
     *
     * @throws StationException naming the part that could not start and why
     */
    public static Station open(StationConfig config, StationOptions options) throws StationException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(options, "options");
        Optional<PushFrameSource> pushed = options.input() == StationOptions.FrameInput.HOST
                ? Optional.of(new PushFrameSource(options.pushQueueCapacity())) : Optional.empty();
        RuntimeOptions runtimeOptions = RuntimeOptions.defaults().withMaxFrames(options.frameLimit())
                .withOpcUaServer(options.opcUaServer());
        if (pushed.isPresent()) {
            runtimeOptions = runtimeOptions.withHostSource(pushed.get());
        }
        Dispatch dispatch = new Dispatch(options.resultQueueCapacity());
        StationRuntime runtime = StationRuntime.start(config, runtimeOptions, List.of(dispatch::accept));
        return new Station(runtime, config, options, pushed, dispatch);
    }

    /** Hands a frame to a station opened with {@link StationOptions#withHostFrames}; never waits. */
    public PushOutcome push(Image image) {
        try {
            return push(image, Duration.ZERO);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PushOutcome.Refused(PushOutcome.Reason.CLOSED, "interrupted");
        }
    }

    /**
     * Hands a frame to a station opened with {@link StationOptions#withHostFrames}, waiting up to {@code wait} for
     * room in the push queue. A queued frame is owned by the station and gets exactly one result (or, when the
     * station closes before taking it, {@link ResultListener#onNotAdmitted}); a refused one is not kept.
     *
     * @throws InterruptedException while waiting for room
     */
    public PushOutcome push(Image image, Duration wait) throws InterruptedException {
        Objects.requireNonNull(image, "image");
        if (pushed.isEmpty()) {
            return new PushOutcome.Refused(PushOutcome.Reason.OWN_SOURCE, "station " + config.stationId()
                    + " runs its own source (" + runtime.source().describe() + "); open it with host frames to push");
        }
        if (closed.get()) {
            return new PushOutcome.Refused(PushOutcome.Reason.CLOSED, "station " + config.stationId() + " is closed");
        }
        VisionState state = stateMachine().state();
        if (!VisionStateMachine.executing(state)) {
            return new PushOutcome.Refused(PushOutcome.Reason.NOT_EXECUTING, "station " + config.stationId()
                    + " is in state " + VisionStateMachine.describe(state) + "; it takes frames while executing");
        }
        long limit = options.frameLimit();
        synchronized (pushLock) {
            if (limit > 0 && queuedPushes >= limit) {
                return new PushOutcome.Refused(PushOutcome.Reason.FRAME_LIMIT, "station " + config.stationId()
                        + " has taken its frame limit of " + limit + " frame(s)");
            }
            PushOutcome outcome = pushed.get().offer(image, wait);
            if (outcome instanceof PushOutcome.Queued) {
                queuedPushes++;
            }
            return outcome;
        }
    }

    /** Adds a listener for every later result; see {@link ResultListener} for its thread. */
    public void addResultListener(ResultListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeResultListener(ResultListener listener) {
        listeners.remove(listener);
    }

    /**
     * Results in the order they were recorded, for a host that takes them ({@link BlockingQueue#take},
     * {@link BlockingQueue#poll(long, java.util.concurrent.TimeUnit)}); holds at most
     * {@link StationOptions#resultQueueCapacity()}, later results are then not queued and counted in
     * {@link #resultsNotQueued()}. Adding to it is the station's job.
     */
    public BlockingQueue<InspectionResult> results() {
        return results;
    }

    /** Results that found {@link #results()} full; each is still in the journal and went to the listeners. */
    public long resultsNotQueued() {
        return notQueued.get();
    }

    /** The state machine the OPC UA server shows and drives too (halt, reset, start and stop continuous...). */
    public VisionStateMachine stateMachine() {
        return runtime.states();
    }

    /** The current state; the station takes frames while executing. */
    public VisionState state() {
        return runtime.states().state();
    }

    /** The station file's recipes (deblur model and passes); a change applies from the next frame and is audited. */
    public RecipeControl recipes() {
        return runtime.recipes();
    }

    /**
     * Sets the deblur passes of the recipe in use (0-3), keeping its model; applies from the next frame; audited as
     * {@link #HOST_USER}.
     *
     * @throws io.aoi.config.InvalidSettingException when the count is out of range; nothing changes then
     */
    public RecipeState setPasses(int passes) {
        RecipeControl recipes = runtime.recipes();
        return recipes.change(recipes.current().model(), passes, HOST_USER);
    }

    /** Counters of every frame and result so far; thread-safe, live. */
    public PipelineCounters counters() {
        return runtime.pipeline().counters();
    }

    /** Items waiting in front of each stage now. */
    public QueueDepths queueDepths() {
        return runtime.pipeline().queueDepths();
    }

    /**
     * What the frame source last reported: starting, running, halted, lost or incompatible (with the reason),
     * ended or failed; {@link SourceState#text()} is its readable form.
     */
    public SourceState sourceState() {
        return runtime.pipeline().sourceState();
    }

    /** This run's job id, stamped on every result. */
    public String jobId() {
        return runtime.jobId();
    }

    public String stationId() {
        return config.stationId();
    }

    /** The OPC UA endpoint, when the station serves OPC UA. */
    public Optional<String> opcUaEndpoint() {
        return options.opcUaServer() ? Optional.of(runtime.server().endpointUrl()) : Optional.empty();
    }

    /**
     * For the station's own simulated camera: the verdicts so far that agree with the simulator's ground truth;
     * empty for other sources and for pushed frames.
     */
    public Optional<TruthScore> truthAccuracy() {
        return runtime.truthScore();
    }

    /** The INTERRUPTED records written at open for frames an earlier run left without a result. */
    public List<InspectionResult> recovered() {
        return runtime.recovered();
    }

    /**
     * Waits until the station has finished by itself (its source ended or the frame limit was reached, and every
     * frame inside is recorded), or was closed.
     */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return runtime.pipeline().awaitFinished(timeout);
    }

    /** The error that stopped the station (a journal that cannot write), if any. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(runtime.pipeline().failure());
    }

    /**
     * Stops the station; idempotent, any thread. New pushes are refused ({@code CLOSED}); pushed frames already
     * queued get up to {@link #CLOSE_GRACE} to enter and finish while the station executes. Then the pipeline's
     * drain policy applies: frames waiting in its queues are recorded as dropped ("station stopped before
     * inspection"), a frame being deblurred or detected may finish within the stop grace, and every admitted frame
     * has its one record before this returns. Pushed frames the pipeline never took (the station was halted) are
     * reported through {@link ResultListener#onNotAdmitted}. Then the OPC UA server, the source, the model and the
     * journal are closed in that order. Listeners are not called after this returns.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (pushed.isPresent()) {
            pushed.get().seal();
            if (VisionStateMachine.executing(state())) {
                try {
                    awaitFinished(CLOSE_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        runtime.close();
        pushed.ifPresent(p -> {
            List<Frame> left = p.takeLeftovers();
            if (!left.isEmpty()) {
                LOG.warn("{} pushed frame(s) were never admitted: the station closed before taking them",
                        left.size());
            }
            String why = "the station closed before taking the frame (state " + VisionStateMachine.describe(state())
                    + ")";
            for (Frame f : left) {
                tellEach(listeners, l -> l.onNotAdmitted(f.frameId(), why), "not-admitted frame " + f.frameId());
            }
        });
        listeners.clear();
    }
}
