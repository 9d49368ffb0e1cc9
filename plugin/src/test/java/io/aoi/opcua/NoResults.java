package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.journal.ResultJournal;
import java.util.List;
import java.util.Optional;

/** A result store that holds nothing, for servers under test whose results do not matter. */
public final class NoResults implements ResultQuery {
    @Override
    public Optional<InspectionResult> byId(String id) {
        return Optional.empty();
    }

    @Override
    public ResultJournal.Page query(ResultFilter filter, int startIndex, int max) {
        return new ResultJournal.Page(List.of(), 0);
    }
}
