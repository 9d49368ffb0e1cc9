package io.aoi.results.journal;

import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;
import java.time.Instant;

/**
 * What the journal's index keeps of each result, for filtering without reading it from disk.
 *
 * @param createdAt when the result was made ({@link Instant#EPOCH} when unknown)
 * @param jobId     the job, "" when unknown
 * @param recipeId  the recipe, "" when unknown
 * @param configurationId the station configuration, "" when unknown
 */
public record ResultSummary(String resultId, Instant createdAt, String jobId, String recipeId,
        String configurationId, Outcome outcome, Verdict verdict) {
    static ResultSummary of(InspectionResult r) {
        return new ResultSummary(r.resultId(), r.createdAt() == null ? Instant.EPOCH : r.createdAt(),
                r.jobId() == null ? "" : r.jobId(), r.recipeId() == null ? "" : r.recipeId(), r.configurationId(),
                r.outcome(), r.verdict());
    }
}
