package io.aoi.results.journal;

import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.Outcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every frame that was admitted but has no result (the process ended while it was in flight: crash,
 * {@code kill -9}, power loss) its own record, outcome {@link Outcome#INTERRUPTED}, before the station takes new
 * frames. The cut lies between the newest record the journal held and the restart; the reason gives both.
 */
public final class CrashRecovery {
    private static final Logger LOG = LoggerFactory.getLogger(CrashRecovery.class);

    private CrashRecovery() {
    }

    /**
     * @param now the restart time
     * @return the results appended, oldest admission first
     */
    public static List<InspectionResult> recordInterrupted(ResultJournal journal, Instant now)
            throws JournalException {
        List<FrameAdmission> pending = journal.unrecordedAdmissions();
        List<InspectionResult> recorded = new ArrayList<>();
        if (pending.isEmpty()) {
            return recorded;
        }
        Instant cut = journal.lastRecordAtOpen().orElse(now);
        for (FrameAdmission a : pending) {
            InspectionResult r = InspectionResult.builder().resultId(a.resultId()).stationId(a.stationId())
                    .jobId(a.jobId()).frameId(a.frameId()).sourceName(a.sourceName()).createdAt(now)
                    .recipeId(a.madeWith().recipeId()).configurationId(a.madeWith().configurationId())
                    .outcome(Outcome.INTERRUPTED)
                    .reason("the station process ended before this frame had a result: admitted at "
                            + a.admittedAt() + ", cut between " + cut + " (last journal record) and " + now
                            + " (restart)")
                    .build();
            journal.append(r);
            recorded.add(r);
        }
        LOG.warn("recovered {} frame(s) admitted before the cut at {} without a result, recorded as INTERRUPTED: "
                + "{}", recorded.size(), cut, recorded.stream().map(InspectionResult::resultId).toList());
        return recorded;
    }
}
