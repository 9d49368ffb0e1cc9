package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.camera.SourceCounters;
import io.aoi.camera.SourceState;
import io.aoi.opcua.Diagnostics;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.plugin.pipeline.QueueDepths;
import org.junit.jupiter.api.Test;

class DiagnosticsTickerTest {
    @Test
    void eachQueueDepthLandsInTheDiagnosticsFieldOfItsStage() {
        Diagnostics d = DiagnosticsTicker.snapshot(2.5, new PipelineCounters(), new QueueDepths(3, 2, 1),
                new SourceCounters(40, 7, 0, 0, 0, 0, 0), new SourceState.Incompatible("sensor is 200 px wide"));
        assertEquals(0, d.queueDepthCapture(), "the capture queue lives in the source, which does not report it");
        assertEquals(3, d.queueDepthDeblur());
        assertEquals(2, d.queueDepthDetect());
        assertEquals(7, d.stripsIncomplete());
        assertEquals(40, d.stripsReceived());
        assertEquals(2.5, d.framesPerSecond());
        assertEquals("incompatible: sensor is 200 px wide", d.sourceState().text());
    }
}
