package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
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
    public ResultJournal.Page query(ResultFilter filter, int startIndex, int max) throws ResultQueryException {
        try {
            return journal.query(filter.from().orElse(null), filter.to().orElse(null), filter.predicate(),
                    startIndex, max);
        } catch (JournalException e) {
            throw new ResultQueryException("results " + filter + " could not be read: " + e.getMessage(), e);
        }
    }
}
