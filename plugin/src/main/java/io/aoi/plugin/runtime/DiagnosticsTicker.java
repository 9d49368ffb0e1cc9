package io.aoi.plugin.runtime;

import io.aoi.camera.FrameSource;
import io.aoi.camera.SourceCounters;
import io.aoi.camera.SourceState;
import io.aoi.opcua.Diagnostics;
import io.aoi.opcua.StationServer;
import io.aoi.opcua.VisionStateMachine;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.plugin.pipeline.QueueDepths;
import io.aoi.plugin.pipeline.StationPipeline;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Copies the pipeline's and the source's counters, the source's state and the focus monitor into the OPC UA
 * Diagnostics object (when the station serves OPC UA) at a fixed period, on its own daemon thread, and moves the
 * station's state machine into and out of Error with the source ({@link SourceErrorState}). {@link #close()} stops
 * it and is idempotent.
 */
final class DiagnosticsTicker implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "diagnostics");
        t.setDaemon(true);
        return t;
    });
    private final StationPipeline pipeline;
    private final FrameSource source;
    private final Optional<StationServer> server;
    private final SourceErrorState errorState;
    private final FocusMonitor focus;
    private long lastResults;
    private long lastNanos = System.nanoTime();

    DiagnosticsTicker(StationPipeline pipeline, FrameSource source, Optional<StationServer> server,
            VisionStateMachine states, FocusMonitor focus, Duration period) {
        this.focus = focus;
        this.pipeline = pipeline;
        this.source = source;
        this.server = server;
        this.errorState = new SourceErrorState(source, states::state, states::set);
        timer.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Frames per second over the last period. */
    private double rate(long results) {
        long now = System.nanoTime();
        double seconds = (now - lastNanos) / 1e9;
        double fps = seconds <= 0 ? 0 : (results - lastResults) / seconds;
        lastResults = results;
        lastNanos = now;
        return fps;
    }

    private void tick() {
        errorState.update();
        if (server.isEmpty()) {
            return;
        }
        PipelineCounters c = pipeline.counters();
        server.get().updateDiagnostics(snapshot(rate(c.results()), c, pipeline.queueDepths(), source.counters(),
                pipeline.sourceState()));
        server.get().updateFocus(focus.lastSigmaPx(), focus.warnings());
    }

    /**
     * The Diagnostics object's values, field by field. The capture queue (strips waiting for assembly) lives
     * inside the source, which does not report it: 0. The record queue has no Diagnostics field. Completed results
     * are those with an OK or NG verdict, as the field says (results without a decision are not among them).
     */
    static Diagnostics snapshot(double framesPerSecond, PipelineCounters c, QueueDepths q, SourceCounters s,
            SourceState state) {
        return Diagnostics.EMPTY.withFramesPerSecond(framesPerSecond).withQueueDepthCapture(0)
                .withQueueDepthDeblur(q.deblur()).withQueueDepthDetect(q.detect()).withFramesDropped(c.dropped())
                .withStripsIncomplete(s.stripsIncomplete()).withStripsReceived(s.stripsReceived())
                .withDeblurMillisAvg(c.deblurMillisMean()).withDetectMillisAvg(c.detectMillisMean())
                .withTotalMillisAvg(c.totalMillisMean()).withResultsCompleted(c.ok() + c.ng())
                .withResultsFailed(c.failed()).withResultsDropped(c.dropped()).withSourceState(state);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
