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
 * @param madeWith   the recipe and configuration in force when it entered; its result carries them if the
 *                   station is cut off before the frame has one
 */
public record FrameAdmission(String resultId, String stationId, String jobId, long frameId, long firstLine,
        String sourceName, Instant admittedAt, MadeWith madeWith) {
    public FrameAdmission {
        Objects.requireNonNull(resultId, "resultId");
        Objects.requireNonNull(admittedAt, "admittedAt");
        sourceName = sourceName == null ? "" : sourceName;
        madeWith = madeWith == null ? MadeWith.UNKNOWN : madeWith;
    }

    /** An admission whose recipe and configuration are not known (journals written before admissions kept them). */
    public FrameAdmission(String resultId, String stationId, String jobId, long frameId, long firstLine,
            String sourceName, Instant admittedAt) {
        this(resultId, stationId, jobId, frameId, firstLine, sourceName, admittedAt, MadeWith.UNKNOWN);
    }

    /**
     * The settings a frame is inspected with.
     *
     * @param recipeId        {@code <recipe>-r<revision>} (InternalRecipeId); empty when not known
     * @param configurationId the station configuration (InternalConfigurationId); empty when not known
     */
    public record MadeWith(String recipeId, String configurationId) {
        /** Neither known. */
        public static final MadeWith UNKNOWN = new MadeWith("", "");

        public MadeWith {
            recipeId = recipeId == null ? "" : recipeId;
            configurationId = configurationId == null ? "" : configurationId;
        }
    }
}
