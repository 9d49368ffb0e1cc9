package io.aoi.plugin.runtime;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameSource;
import io.aoi.camera.sources.FrameSources;
import io.aoi.config.ImageFolderSettings;
import io.aoi.config.OutputSettings;
import io.aoi.config.StationConfig;
import io.aoi.deblur.DeblurException;
import io.aoi.detect.ParticleDetector;
import io.aoi.opcua.InMemoryRecipeControl;
import io.aoi.opcua.JournalResultQuery;
import io.aoi.opcua.OpcUaException;
import io.aoi.opcua.StationIdentity;
import io.aoi.opcua.StationServer;
import io.aoi.opcua.VisionState;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.CapturedFrame;
import io.aoi.plugin.pipeline.RecipeDeblurStage;
import io.aoi.plugin.pipeline.DetectorInspector;
import io.aoi.plugin.pipeline.PipelineIdentity;
import io.aoi.plugin.pipeline.StationPipeline;
import io.aoi.results.InspectionResult;
import io.aoi.results.journal.CrashRecovery;
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    public static final Duration STOP_GRACE = Duration.ofSeconds(2);

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
    private final List<InspectionResult> recovered;

    private StationRuntime(ServiceStack services, StationPipeline pipeline, FrameSource source, StationServer server,
            ResultJournal journal, String jobId, List<InspectionResult> recovered) {
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

            part = "deblur model";
            InMemoryRecipeControl recipe = new InMemoryRecipeControl(config.stationId(), config.deblur(), s -> {
            });
            RecipeDeblurStage<CapturedFrame> deblur = services.push(part,
                    new RecipeDeblurStage<CapturedFrame>(recipe::settings, Deblurrers::stage));
            deblur.open();

            part = "frame source";
            FrameSource source = services.push(part, opener.open(config));
            ResultFanOut fanOut = new ResultFanOut(journal);
            StationPipeline pipeline = new StationPipeline(source, deblur,
                    new DetectorInspector(detector, overlapLines(config)), fanOut,
                    new PipelineIdentity(config.stationId(), jobId, () -> recipe.current().recipeId()),
                    maxFrames, QUEUE_DEPTH, STOP_GRACE);

            part = "OPC UA server";
            StationServer server = services.push(part, StationServer.start(config.opcua(),
                    new StationIdentity(config.stationId(), jobId, recipe.current().recipeId()), recipe,
                    new JournalResultQuery(journal), new StationControl(pipeline)));
            fanOut.add(server);

            part = "pipeline";
            // registered after the server, so stopped before it: the pipeline records the frames inside first
            services.push(part, pipeline);

            part = "frame source";
            source.start();

            part = "pipeline";
            pipeline.start();
            server.setState(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
            services.push("diagnostics", new DiagnosticsTicker(pipeline, source, server, Duration.ofSeconds(1)));
            return new StationRuntime(services, pipeline, source, server, journal, jobId, recovered);
        } catch (JournalException | DeblurException | CameraException | OpcUaException | RuntimeException e) {
            services.close();
            throw new StationException("station " + config.stationId() + ": cannot start the " + part + ": "
                    + e.getMessage(), e);
        }
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
