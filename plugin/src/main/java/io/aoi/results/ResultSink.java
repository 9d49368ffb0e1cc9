package io.aoi.results;

/**
 * Receives each result once it is durable. Implementations (OPC UA, logs) must not block for long: they are
 * called on the pipeline's publishing thread.
 */
public interface ResultSink {
    void accept(InspectionResult result);
}
