package io.aoi.opcua;

import io.aoi.results.Verdict;
import io.aoi.results.journal.ResultSummary;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Which stored results a query returns. Empty parts do not filter. Start from {@link #ALL} and narrow it with
 * the withers.
 *
 * @param from            oldest creation time, inclusive
 * @param to              newest creation time, inclusive
 * @param jobId           only results of this job
 * @param recipeId        only results made with this recipe ({@code <recipe>-r<revision>}, or the recipe name for
 *                        all its revisions)
 * @param configurationId only results made with this station configuration (InternalConfigurationId)
 * @param resultState     only results with this OPC 40100 ResultState ({@link ResultStates})
 * @param verdict         only results with this verdict
 */
public record ResultFilter(Optional<Instant> from, Optional<Instant> to, Optional<String> jobId,
        Optional<String> recipeId, Optional<String> configurationId, OptionalInt resultState,
        Optional<Verdict> verdict) {
    /** Every result. */
    public static final ResultFilter ALL = new ResultFilter(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());

    public ResultFilter withWindow(Optional<Instant> from, Optional<Instant> to) {
        return new ResultFilter(from, to, jobId, recipeId, configurationId, resultState, verdict);
    }

    public ResultFilter withJobId(Optional<String> v) {
        return new ResultFilter(from, to, v, recipeId, configurationId, resultState, verdict);
    }

    public ResultFilter withRecipeId(Optional<String> v) {
        return new ResultFilter(from, to, jobId, v, configurationId, resultState, verdict);
    }

    public ResultFilter withConfigurationId(Optional<String> v) {
        return new ResultFilter(from, to, jobId, recipeId, v, resultState, verdict);
    }

    public ResultFilter withResultState(OptionalInt v) {
        return new ResultFilter(from, to, jobId, recipeId, configurationId, v, verdict);
    }

    public ResultFilter withVerdict(Optional<Verdict> v) {
        return new ResultFilter(from, to, jobId, recipeId, configurationId, resultState, v);
    }

    /** The filter on the journal's index (the time window is applied separately). */
    Predicate<ResultSummary> predicate() {
        return s -> jobId.map(j -> j.equals(s.jobId())).orElse(true)
                && recipeId.map(r -> r.equals(s.recipeId()) || s.recipeId().startsWith(r + "-r")).orElse(true)
                && configurationId.map(c -> c.equals(s.configurationId())).orElse(true)
                && (resultState.isEmpty() || resultState.getAsInt() == ResultStates.of(s.outcome(), s.verdict()))
                && verdict.map(v -> v == s.verdict()).orElse(true);
    }
}
