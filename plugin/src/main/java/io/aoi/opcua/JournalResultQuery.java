package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.Verdict;
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Answers the ResultManagement methods from a {@link ResultJournal}, which the caller owns and closes. */
public final class JournalResultQuery implements ResultQuery {
    private final ResultJournal journal;

    public JournalResultQuery(ResultJournal journal) {
        this.journal = journal;
    }

    @Override
    public Optional<InspectionResult> byId(String id) throws ResultQueryException {
        try {
            return journal.byId(id);
        } catch (JournalException e) {
            throw new ResultQueryException("result " + id + " could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<InspectionResult> list(Instant from, Instant to, Optional<Verdict> v, int max)
            throws ResultQueryException {
        try {
            return journal.list(from, to, v, max);
        } catch (JournalException e) {
            throw new ResultQueryException("results " + from + " to " + to + " could not be read: " + e.getMessage(),
                    e);
        }
    }
}
