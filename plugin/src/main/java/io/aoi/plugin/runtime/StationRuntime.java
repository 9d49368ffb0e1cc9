package io.aoi.plugin.runtime;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameSource;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sources.FrameSources;
import io.aoi.config.OutputSettings;
import io.aoi.config.OverloadPolicy;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfig;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.detect.BumpLocator;
import io.aoi.detect.ParticleDetector;
import io.aoi.opcua.InMemoryRecipeControl;
import io.aoi.opcua.JournalResultQuery;
import io.aoi.opcua.OpcUaException;
import io.aoi.opcua.SecurityLog;
import io.aoi.opcua.SecurityOptions;
import io.aoi.opcua.StationIdentity;
import io.aoi.opcua.StationServer;
import io.aoi.opcua.RecipeControl;
import io.aoi.opcua.VisionState;
import io.aoi.opcua.VisionStateMachine;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.CapturedFrame;
import io.aoi.plugin.pipeline.RecipeDeblurStage;
import io.aoi.plugin.pipeline.DetectorInspector;
import io.aoi.plugin.pipeline.FrameInspector;
import io.aoi.plugin.pipeline.OverloadHandler;
import io.aoi.plugin.pipeline.PipelineIdentity;
import io.aoi.plugin.pipeline.StationPipeline;
import io.aoi.results.InspectionResult;
import io.aoi.results.ResultSink;
import io.aoi.results.journal.CrashRecovery;
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One running station: result journal, deblur stage, frame source, pipeline and, unless the options leave it out,
 * OPC UA server. Each service is registered for shutdown the moment it exists (a failed start closes everything
 * opened before it, the camera included) and they are stopped in reverse: pipeline first (its drain policy records
 * every frame inside), then the OPC UA server, the frame source, the deblur model and the journal. Results are
 * written to the journal before the server and the other sinks hear of them.
 *
 * <p>Before any new frame is taken, every frame an earlier run admitted without recording it (a crash, {@code kill
 * -9}) gets its record, outcome INTERRUPTED ({@link CrashRecovery}). Native libraries (OpenCV; ONNX Runtime for
 * the ONNX models) are loaded during the start, never lazily on a stage thread.
 *
 * <p>After {@link #start} the station is in automatic mode, continuously inspecting. Its state machine
 * ({@link #states()}) is the one OPC UA clients with the engineer role drive (halt, stop, restart) and an embedding
 * host drives too; the deblur model and passes ({@link #recipes()}) can change while it runs. This is the
 * implementation behind {@code io.aoi.station.Station}, the embedding API.
 */
public final class StationRuntime implements AutoCloseable {
    /** Frames each queue between stages holds. */
    public static final int QUEUE_DEPTH = 4;
    /** How long stopping lets a frame being deblurred or detected finish before it is recorded as dropped. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(1);

    /** Opens the station's frame source; replaced in tests to watch the source's life cycle. */
    @FunctionalInterface
    interface SourceOpener {
        FrameSource open(StationConfig config) throws CameraException;
    }

    private final ServiceStack services;
    private final StationPipeline pipeline;
    private final FrameSource source;
    private final Optional<StationServer> server;
    private final VisionStateMachine states;
    private final InMemoryRecipeControl recipes;
    private final String jobId;
    private final Optional<SimulatorTruthInspector> truth;
    private final List<InspectionResult> recovered;

    private record Parts(StationPipeline pipeline, FrameSource source, Optional<StationServer> server,
            VisionStateMachine states, InMemoryRecipeControl recipes,
            Optional<SimulatorTruthInspector> truth) {
    }

    private StationRuntime(ServiceStack services, Parts parts, String jobId, List<InspectionResult> recovered) {
        this.services = services;
        this.pipeline = parts.pipeline();
        this.source = parts.source();
        this.server = parts.server();
        this.states = parts.states();
        this.recipes = parts.recipes();
        this.truth = parts.truth();
        this.jobId = jobId;
        this.recovered = List.copyOf(recovered);
    }

    /**
     * The station's own source and OPC UA server ({@link RuntimeOptions#defaults()}).
     *
     * @param maxFrames stop taking frames after this many (0 = until closed or the source ends)
     * @throws StationException naming the part that could not start; everything started before it is stopped
     */
    public static StationRuntime start(StationConfig config, long maxFrames) throws StationException {
        return start(config, RuntimeOptions.defaults().withMaxFrames(maxFrames));
    }

    /** @throws StationException naming the part that could not start; everything started before it is stopped */
    public static StationRuntime start(StationConfig config, RuntimeOptions options) throws StationException {
        return start(config, options, c -> FrameSources.open(c.camera(), c.assembly()), List.of());
    }

    /**
     * @param sinks told of every result after the journal has it, from the first frame on (see {@link ResultFanOut})
     */
    public static StationRuntime start(StationConfig config, RuntimeOptions options, List<ResultSink> sinks)
            throws StationException {
        return start(config, options, c -> FrameSources.open(c.camera(), c.assembly()), sinks);
    }

    static StationRuntime start(StationConfig config, long maxFrames, SourceOpener opener) throws StationException {
        return start(config, RuntimeOptions.defaults().withMaxFrames(maxFrames), opener, List.of());
    }

    private static StationRuntime start(StationConfig config, RuntimeOptions options, SourceOpener opener,
            List<ResultSink> sinks) throws StationException {
        ServiceStack services = new ServiceStack();
        String jobId = JobIds.at(Instant.now());
        String part = "result journal";
        try {
            OutputSettings out = config.outputs();
            ResultJournal journal = services.push(part,
                    ResultJournal.open(out.journalDir(), out.retentionDays(), out.maxJournalBytes()));
            List<InspectionResult> recovered = CrashRecovery.recordInterrupted(journal, Instant.now());

            part = "particle detector";
            ParticleDetector detector = new ParticleDetector(config.detector());

            part = "security log";
            SecurityLog securityLog = services.push(part, SecurityLog.open(out.journalDir().resolve("security"),
                    out.retentionDays(), securityLogBytes(out)));

            part = "deblur model";
            InMemoryRecipeControl recipe = new InMemoryRecipeControl(config.recipes(), config.deblur());
            Optional<RegionFinder> bumps = Optional.of(new BumpLocator(detector));
            RecipeDeblurStage<CapturedFrame> deblur = services.push(part,
                    new RecipeDeblurStage<CapturedFrame>(recipe::snapshot,
                            (s, p) -> Deblurrers.stage(s, p, bumps, detector::shearDirectionFor)));
            deblur.open();
            OverloadHandler overload = config.deblur().policy().overload() == OverloadPolicy.FALLBACK
                    ? OverloadHandler.withFallback(
                            Deblurrers.fallback(config.deblur(), bumps, detector::shearDirectionFor),
                            recipe::snapshot)
                    : OverloadHandler.dropping();
            services.push("overload fallback", overload);

            part = "frame source";
            boolean hostFrames = options.hostSource().isPresent();
            FrameSource source = services.push(part,
                    hostFrames ? options.hostSource().get() : opener.open(config));
            ResultFanOut fanOut = new ResultFanOut(journal);
            FocusMonitor focus = new FocusMonitor(config.deblur().policy().focusDriftWarnSigmaPx());
            fanOut.add(focus);
            sinks.forEach(fanOut::add);
            FrameInspector inspector = new DetectorInspector(detector);
            Optional<SimulatorTruthInspector> truth = Optional.empty();
            if (!hostFrames && config.camera() instanceof SimulatedCameraSettings simulated) {
                truth = Optional.of(new SimulatorTruthInspector(inspector, new PanelSimulator(simulated),
                        config.detector().minParticlesPerBump()));
                inspector = truth.get();
            }
            StationPipeline pipeline = new StationPipeline(source, deblur, inspector,
                    fanOut, new PipelineIdentity(config.stationId(), jobId, () -> recipe.snapshot().recipeId(),
                            ConfigurationIds.of(config)),
                    options.maxFrames(), QUEUE_DEPTH, STOP_GRACE, overload);
            VisionStateMachine states = new VisionStateMachine(new StationControl(pipeline), recipe::isPrepared);

            Optional<StationServer> server = Optional.empty();
            if (options.opcUaServer()) {
                part = "OPC UA server";
                server = Optional.of(services.push(part, StationServer.start(config.opcua(),
                        new StationIdentity(config.stationId(), jobId), recipe,
                        new JournalResultQuery(journal), states,
                        SecurityOptions.defaults(securityLog, config.opcua().profile()))));
                fanOut.add(server.get());
            }

            part = "pipeline";
            // registered after the server, so stopped before it: the pipeline records the frames inside first
            services.push(part, pipeline);

            part = "frame source";
            source.start();

            part = "pipeline";
            pipeline.start();
            states.set(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
            services.push("diagnostics", new DiagnosticsTicker(pipeline, source, server, states, focus,
                    Duration.ofSeconds(1)));
            return new StationRuntime(services,
                    new Parts(pipeline, source, server, states, recipe, truth), jobId, recovered);
        } catch (JournalException | DeblurException | CameraException | OpcUaException | RuntimeException
                | LinkageError e) { // LinkageError: a native library (OpenCV, ONNX Runtime) that does not load
            services.close();
            // a host source not yet registered is closed too: the runtime owns it from the call on
            options.hostSource().ifPresent(FrameSource::close);
            throw new StationException("station " + config.stationId() + ": cannot start the " + part + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The security log's disk budget: a sixteenth of the journal's, at least 1 MiB (a failed login line is about
     * 200 bytes, and the login throttle bounds how fast they come).
     */
    static long securityLogBytes(OutputSettings out) {
        return Math.max(1L << 20, out.maxJournalBytes() / 16);
    }

    public StationPipeline pipeline() {
        return pipeline;
    }

    /** The frame source, for its counters; owned by the runtime. */
    public FrameSource source() {
        return source;
    }

    /**
     * The OPC UA server.
     *
     * @throws IllegalStateException when the station was started without one ({@link RuntimeOptions#opcUaServer()})
     */
    public StationServer server() {
        return server.orElseThrow(() -> new IllegalStateException("this station was started without its OPC UA "
                + "server"));
    }

    /** The station's state machine, which the OPC UA server (if any) shows and drives. */
    public VisionStateMachine states() {
        return states;
    }

    /** The station's recipes: deblur model and passes, applied from the next frame. */
    public RecipeControl recipes() {
        return recipes;
    }

    public String jobId() {
        return jobId;
    }

    /**
     * For the station's own simulated camera: the bump and frame verdicts so far that agree with the simulator's
     * ground truth; empty for other sources and for host frames.
     */
    public Optional<TruthScore> truthScore() {
        return truth.map(SimulatorTruthInspector::score);
    }

    /** The INTERRUPTED records written at this start for frames an earlier run left without a result. */
    public List<InspectionResult> recovered() {
        return recovered;
    }

    /**
     * Stops taking frames, records the frames inside following the pipeline's drain policy, then stops every service
     * in reverse order. Idempotent.
     */
    @Override
    public void close() {
        services.close();
    }
}
