package io.aoi.plugin.runtime;

import io.aoi.opcua.VisionControl;
import io.aoi.plugin.pipeline.StationPipeline;

/**
 * The OPC UA state machine's methods, applied to the pipeline: Halt and Stop stop taking frames, StartContinuous
 * resumes, Reset leaves the pipeline halted until the next StartContinuous; Abort stops like Stop; single jobs are
 * refused (the line runs continuously). Frames already inside the pipeline
 * are always finished and recorded. Called on OPC UA service threads; returns at once.
 */
final class StationControl implements VisionControl {
    private final StationPipeline pipeline;

    StationControl(StationPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public void halt(int cause, String causeDescription) {
        pipeline.setInspecting(false);
    }

    @Override
    public void reset() {
        pipeline.setInspecting(false);
    }

    @Override
    public void startContinuous() {
        pipeline.setInspecting(true);
    }

    @Override
    public void stop() {
        pipeline.setInspecting(false);
    }
}
