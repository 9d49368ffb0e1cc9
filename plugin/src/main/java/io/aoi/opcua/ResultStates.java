package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import io.aoi.results.Verdict;

/**
 * The OPC 40100 ResultStateDataType value (Int32: 0 Undefined, 1 Completed, 2 Processing, 3 Aborted, 4 Failed;
 * negative values application-specific) of a result, in one place for events, GetResultById,
 * GetResultComponentsById, GetResultListFiltered and its ResultState filter. ResultState is a processing state, not
 * a pass/fail verdict: OK and NG results are Completed; a result without a decision is Failed, so that no client
 * reading only ResultState takes it for a pass ({@link InspectionResult#resultState(Outcome, Verdict)}); the
 * verdict travels in ResultContent.
 */
final class ResultStates {
    private ResultStates() {
    }

    /** The ResultState of a result with this outcome and verdict. */
    static int of(Outcome outcome, Verdict verdict) {
        return InspectionResult.resultState(outcome, verdict);
    }
}
