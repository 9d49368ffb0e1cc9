package io.aoi.plugin.runtime;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameSource;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sources.FrameSources;
import io.aoi.config.ImageFolderSettings;
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
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One running station: result journal, deblur stage, OPC UA server, frame source and pipeline, started in that
 * order and stopped in reverse. Results are written to the journal before the server announces them.
 *
 * <p>After {@link #start} the station is in automatic mode, continuously inspecting; OPC UA clients with the
 * engineer role can halt, stop and restart it, and change the deblur model and passes while it runs.
 */
public final class StationRuntime implements AutoCloseable {
    /** Frames each queue between stages holds. */
    public static final int QUEUE_DEPTH = 4;
    /** How long stopping waits for frames already inside the pipeline. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    private final ServiceStack services;
    private final StationPipeline pipeline;
    private final FrameSource source;
    private final StationServer server;
    private final ResultJournal journal;
    private final String jobId;
    private final Optional<SimulatorTruthInspector> truth;

    private StationRuntime(ServiceStack services, StationPipeline pipeline, FrameSource source, StationServer server,
            ResultJournal journal, String jobId, Optional<SimulatorTruthInspector> truth) {
        this.truth = truth;
        this.services = services;
        this.pipeline = pipeline;
        this.source = source;
        this.server = server;
        this.journal = journal;
        this.jobId = jobId;
    }

    /**
     * @param maxFrames stop taking frames after this many (0 = until closed or the source ends)
     * @throws StationException naming the part that could not start; everything started before it is stopped
     */
    public static StationRuntime start(StationConfig config, long maxFrames) throws StationException {
        ServiceStack services = new ServiceStack();
        String jobId = JobIds.at(Instant.now());
        String part = "result journal";
        try {
            OutputSettings out = config.outputs();
            ResultJournal journal = services.push(part,
                    ResultJournal.open(out.journalDir(), out.retentionDays(), out.maxJournalBytes()));

            part = "security log";
            SecurityLog securityLog = services.push(part, SecurityLog.open(out.journalDir().resolve("security"),
                    out.retentionDays(), securityLogBytes(out)));

            part = "deblur model";
            InMemoryRecipeControl recipe = new InMemoryRecipeControl(config.stationId(), config.deblur(), s -> {
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
            FrameSource source = FrameSources.open(config.camera(), config.assembly());
            ResultFanOut fanOut = new ResultFanOut(journal);
            FocusMonitor focus = new FocusMonitor(config.deblur().policy().focusDriftWarnSigmaPx());
            fanOut.add(focus);
            FrameInspector inspector = new DetectorInspector(new ParticleDetector(config.detector()),
                    overlapLines(config));
            Optional<SimulatorTruthInspector> truth = Optional.empty();
            if (config.camera() instanceof SimulatedCameraSettings simulated) {
                truth = Optional.of(new SimulatorTruthInspector(inspector, new PanelSimulator(simulated),
                        config.detector().minParticlesPerBump()));
                inspector = truth.get();
            }
            StationPipeline pipeline = new StationPipeline(source, deblur, inspector,
                    fanOut, new PipelineIdentity(config.stationId(), jobId, () -> recipe.current().recipeId()),
                    maxFrames, QUEUE_DEPTH, DRAIN_TIMEOUT, overload);

            part = "OPC UA server";
            StationServer server = services.push(part, StationServer.start(config.opcua(),
                    new StationIdentity(config.stationId(), jobId, recipe.current().recipeId()), recipe,
                    new JournalResultQuery(journal), new StationControl(pipeline),
                    SecurityOptions.defaults(securityLog, config.opcua().profile())));
            fanOut.add(server);

            part = "frame source";
            services.push(part, source);
            source.start();

            part = "pipeline";
            services.push(part, pipeline);
            pipeline.start();
            server.setState(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
            services.push("diagnostics", new DiagnosticsTicker(pipeline, source, server, focus,
                    Duration.ofSeconds(1)));
            return new StationRuntime(services, pipeline, source, server, journal, jobId, truth);
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

    /** Frames of a line-scan camera overlap; recorded frames from a folder are independent images. */
    private static int overlapLines(StationConfig config) {
        return config.camera() instanceof ImageFolderSettings ? 0 : config.assembly().overlapLines();
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

    /** Stops taking frames, finishes and records the frames inside, then stops every service in reverse order. */
    @Override
    public void close() {
        services.close();
    }
}
