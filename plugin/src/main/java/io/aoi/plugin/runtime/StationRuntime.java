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
import io.aoi.opcua.VisionState;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.CapturedFrame;
import io.aoi.plugin.pipeline.RecipeDeblurStage;
import io.aoi.plugin.pipeline.DetectorInspector;
import io.aoi.plugin.pipeline.FrameInspector;
import io.aoi.plugin.pipeline.OverloadHandler;
import io.aoi.plugin.pipeline.PipelineIdentity;
import io.aoi.plugin.pipeline.StationPipeline;
import io.aoi.results.InspectionResult;
import io.aoi.results.journal.CrashRecovery;
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One running station: result journal, deblur stage, frame source, pipeline and OPC UA server. Each service is
 * registered for shutdown the moment it exists (a failed start closes everything opened before it, the camera
 * included) and they are stopped in reverse: pipeline first (its drain policy records every frame inside), then the
 * OPC UA server, the frame source, the deblur model and the journal. Results are written to the journal before the
 * server announces them.
 *
 * <p>Before any new frame is taken, every frame an earlier run admitted without recording it (a crash, {@code kill
 * -9}) gets its record, outcome INTERRUPTED ({@link CrashRecovery}). Native libraries (OpenCV; ONNX Runtime for
 * the ONNX models) are loaded during the start, never lazily on a stage thread.
 *
 * <p>After {@link #start} the station is in automatic mode, continuously inspecting; OPC UA clients with the
 * engineer role can halt, stop and restart it, and change the deblur model and passes while it runs.
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
    private final StationServer server;
    private final ResultJournal journal;
    private final String jobId;
    private final Optional<SimulatorTruthInspector> truth;
    private final List<InspectionResult> recovered;

    private StationRuntime(ServiceStack services, StationPipeline pipeline, FrameSource source, StationServer server,
            ResultJournal journal, String jobId, Optional<SimulatorTruthInspector> truth,
            List<InspectionResult> recovered) {
        this.truth = truth;
        this.services = services;
        this.pipeline = pipeline;
        this.source = source;
        this.server = server;
        this.journal = journal;
        this.jobId = jobId;
        this.recovered = List.copyOf(recovered);
    }

    /**
     * @param maxFrames stop taking frames after this many (0 = until closed or the source ends)
     * @throws StationException naming the part that could not start; everything started before it is stopped
     */
    public static StationRuntime start(StationConfig config, long maxFrames) throws StationException {
        return start(config, maxFrames, c -> FrameSources.open(c.camera(), c.assembly()));
    }

    static StationRuntime start(StationConfig config, long maxFrames, SourceOpener opener) throws StationException {
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
            InMemoryRecipeControl recipe = new InMemoryRecipeControl(config.recipes(), config.deblur(), s -> {
            });
            Optional<RegionFinder> bumps = Optional.of(new BumpLocator(config.detector()));
            RecipeDeblurStage<CapturedFrame> deblur = services.push(part,
                    new RecipeDeblurStage<CapturedFrame>(recipe::settings, (s, p) -> Deblurrers.stage(s, p, bumps)));
            deblur.open();
            OverloadHandler overload = config.deblur().policy().overload() == OverloadPolicy.FALLBACK
                    ? OverloadHandler.withFallback(Deblurrers.fallback(config.deblur(), bumps),
                            () -> recipe.settings().model().name().toLowerCase(Locale.ROOT))
                    : OverloadHandler.dropping();
            services.push("overload fallback", overload);

            part = "frame source";
            FrameSource source = services.push(part, opener.open(config));
            ResultFanOut fanOut = new ResultFanOut(journal);
            FocusMonitor focus = new FocusMonitor(config.deblur().policy().focusDriftWarnSigmaPx());
            fanOut.add(focus);
            FrameInspector inspector = new DetectorInspector(detector);
            Optional<SimulatorTruthInspector> truth = Optional.empty();
            if (config.camera() instanceof SimulatedCameraSettings simulated) {
                truth = Optional.of(new SimulatorTruthInspector(inspector, new PanelSimulator(simulated),
                        config.detector().minParticlesPerBump()));
                inspector = truth.get();
            }
            StationPipeline pipeline = new StationPipeline(source, deblur, inspector,
                    fanOut, new PipelineIdentity(config.stationId(), jobId, () -> recipe.current().recipeId()),
                    maxFrames, QUEUE_DEPTH, STOP_GRACE, overload);

            part = "OPC UA server";
            StationServer server = services.push(part, StationServer.start(config.opcua(),
                    new StationIdentity(config.stationId(), jobId, recipe.current().recipeId()), recipe,
                    new JournalResultQuery(journal), new StationControl(pipeline),
                    SecurityOptions.defaults(securityLog, config.opcua().profile())));
            fanOut.add(server);

            part = "pipeline";
            // registered after the server, so stopped before it: the pipeline records the frames inside first
            services.push(part, pipeline);

            part = "frame source";
            source.start();

            part = "pipeline";
            pipeline.start();
            server.setState(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
            services.push("diagnostics", new DiagnosticsTicker(pipeline, source, server, focus,
                    Duration.ofSeconds(1)));
            return new StationRuntime(services, pipeline, source, server, journal, jobId, truth, recovered);
        } catch (JournalException | DeblurException | CameraException | OpcUaException | RuntimeException e) {
            services.close();
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

    public StationServer server() {
        return server;
    }

    public ResultJournal journal() {
        return journal;
    }

    public String jobId() {
        return jobId;
    }

    /**
     * For the simulated camera: the share of bump and frame verdicts so far that agree with the simulator's ground
     * truth, as {@code bumps 0.993 (1234/1243), frames 0.950 (19/20)}; empty for other sources.
     */
    public Optional<String> truthAccuracy() {
        return truth.map(t -> {
            SimulatorTruthInspector.Score s = t.score();
            return String.format(Locale.ROOT, "bumps %.3f (%d/%d), frames %.3f (%d/%d)", s.bumps().accuracy(),
                    s.bumps().agreed(), s.bumps().judged(), s.frames().accuracy(), s.frames().agreed(),
                    s.frames().judged());
        });
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
