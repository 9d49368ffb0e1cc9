package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored results, as the ResultManagement methods read them. {@link JournalResultQuery} adapts the result journal.
 * Called from OPC UA service threads; implementations are thread-safe.
 */
public interface ResultQuery {
    /** The result with this id; empty when unknown. */
    Optional<InspectionResult> byId(String id) throws ResultQueryException;

    /** Results created in {@code [from, to]}, oldest first, only verdict {@code v} when present, at most {@code max}. */
    List<InspectionResult> list(Instant from, Instant to, Optional<Verdict> v, int max) throws ResultQueryException;
}
