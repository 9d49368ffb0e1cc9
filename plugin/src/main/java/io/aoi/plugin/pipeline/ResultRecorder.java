package io.aoi.plugin.pipeline;

import io.aoi.results.InspectionResult;
import io.aoi.results.journal.JournalException;

/**
 * Makes a result durable, then announces it. Called from the pipeline's publish thread only.
 */
@FunctionalInterface
public interface ResultRecorder {
    /**
     * Returns once the result is on disk. A failure is thrown, never swallowed: the pipeline stops rather than
     * lose results.
     */
    void record(InspectionResult result) throws JournalException;
}
