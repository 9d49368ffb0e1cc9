package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.journal.ResultJournal;
import java.util.Optional;

/**
 * Stored results, as the ResultManagement methods read them. {@link JournalResultQuery} adapts the result journal.
 * Called from OPC UA service threads; implementations are thread-safe.
 */
public interface ResultQuery {
    /** The result with this id; empty when unknown. */
    Optional<InspectionResult> byId(String id) throws ResultQueryException;

    /**
     * The results that match {@code filter}, newest first, from the {@code startIndex}-th match on, at most
     * {@code max}; the page also tells how many matched in all.
     */
    ResultJournal.Page query(ResultFilter filter, int startIndex, int max) throws ResultQueryException;
}
