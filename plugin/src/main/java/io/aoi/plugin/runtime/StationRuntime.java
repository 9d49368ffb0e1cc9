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
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.time.Duration;
import java.time.Instant;

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

    private StationRuntime(ServiceStack services, StationPipeline pipeline, FrameSource source, StationServer server,
            ResultJournal journal, String jobId) {
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

            part = "deblur model";
            InMemoryRecipeControl recipe = new InMemoryRecipeControl(config.recipes(), config.deblur(), s -> {
            });
            RecipeDeblurStage<CapturedFrame> deblur = services.push(part,
                    new RecipeDeblurStage<CapturedFrame>(recipe::settings, Deblurrers::stage));
            deblur.open();

            part = "frame source";
            FrameSource source = FrameSources.open(config.camera(), config.assembly());
            ResultFanOut fanOut = new ResultFanOut(journal);
            StationPipeline pipeline = new StationPipeline(source, deblur,
                    new DetectorInspector(new ParticleDetector(config.detector()), overlapLines(config)),
                    fanOut, new PipelineIdentity(config.stationId(), jobId, () -> recipe.current().recipeId()),
                    maxFrames, QUEUE_DEPTH, DRAIN_TIMEOUT);

            part = "OPC UA server";
            StationServer server = services.push(part, StationServer.start(config.opcua(),
                    new StationIdentity(config.stationId(), jobId, recipe.current().recipeId()), recipe,
                    new JournalResultQuery(journal), new StationControl(pipeline)));
            fanOut.add(server);

            part = "frame source";
            services.push(part, source);
            source.start();

            part = "pipeline";
            services.push(part, pipeline);
            pipeline.start();
            server.setState(VisionState.OPERATIONAL_CONTINUOUS_EXECUTION);
            services.push("diagnostics", new DiagnosticsTicker(pipeline, source, server, Duration.ofSeconds(1)));
            return new StationRuntime(services, pipeline, source, server, journal, jobId);
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

    /** Stops taking frames, finishes and records the frames inside, then stops every service in reverse order. */
    @Override
    public void close() {
        services.close();
    }
}
