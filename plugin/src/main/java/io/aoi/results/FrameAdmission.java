package io.aoi.results;

import java.time.Instant;
import java.util.Objects;

/**
 * That a frame entered the pipeline, journaled before the frame is processed so that a frame cut off by a crash
 * still gets its record at the next start ({@link Outcome#INTERRUPTED}).
 *
 * @param resultId   the id its result will have
 * @param stationId  the station
 * @param jobId      the job (run) it entered in
 * @param frameId    frame counter of the source within the job
 * @param firstLine  line position of its row 0 since the start of acquisition (0 for files and dropped frames)
 * @param sourceName camera or file it came from
 * @param admittedAt when it entered
 */
public record FrameAdmission(String resultId, String stationId, String jobId, long frameId, long firstLine,
        String sourceName, Instant admittedAt) {
    public FrameAdmission {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(admittedAt, "admittedAt");
        sourceName = sourceName == null ? "" : sourceName;
    }
}
