package io.aoi.plugin.pipeline;

import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.journal.JournalException;

/**
 * Makes a frame's admission and its result durable, then announces the result. {@link #admit} is called from the
 * pipeline's capture thread, {@link #record} from its record thread and, while the pipeline stops, from the
 * stopping thread; implementations are thread-safe.
 */
@FunctionalInterface
public interface ResultRecorder {
    /**
     * Returns once the result is on disk. A failure is thrown, never swallowed: the pipeline stops rather than
     * lose results.
     */
    void record(InspectionResult result) throws JournalException;

    /**
     * Returns once the admission is on disk, before the frame is processed; a recorder without a durable store
     * (tests) may ignore it.
     */
    default void admit(FrameAdmission admission) throws JournalException {
    }
}
