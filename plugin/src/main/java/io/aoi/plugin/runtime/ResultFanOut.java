package io.aoi.plugin.runtime;

import io.aoi.plugin.pipeline.ResultRecorder;
import io.aoi.results.FrameAdmission;
import io.aoi.results.InspectionResult;
import io.aoi.results.ResultSink;
import io.aoi.results.journal.JournalException;
import io.aoi.results.journal.ResultJournal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Journals each frame's admission; records a result in the journal (durably) and only then hands it to the sinks (OPC UA, ...). Sinks may be
 * added after the pipeline was built; one that throws is reported and the others still get the result, which
 * stays in the journal for clients to fetch.
 */
final class ResultFanOut implements ResultRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(ResultFanOut.class);
    private final ResultJournal journal;
    private final List<ResultSink> sinks = new CopyOnWriteArrayList<>();

    ResultFanOut(ResultJournal journal) {
        this.journal = journal;
    }

    void add(ResultSink sink) {
        sinks.add(sink);
    }

    @Override
    public void admit(FrameAdmission admission) throws JournalException {
        journal.admit(admission);
    }

    @Override
    public void record(InspectionResult result) throws JournalException {
        journal.append(result);
        for (ResultSink sink : sinks) {
            try {
                sink.accept(result);
            } catch (RuntimeException e) {
                LOG.warn("announcing " + result.resultId() + " failed (it is in the journal): " + e.getMessage(), e);
            }
        }
    }
}
