package io.aoi.camera;

/**
 * A snapshot of a source's counters since it was opened.
 *
 * @param stripsReceived       complete strips delivered
 * @param stripsIncomplete     buffers that arrived unusable
 * @param stripsDropped        strips lost without a buffer (sequence gaps, overruns)
 * @param resends              packets the transport re-requested, where it reports them, else 0
 * @param reconnects           times the camera was lost and found again
 * @param measuredLineRateHz   lines per second over the last second or so
 * @param configuredLineRateHz line rate the camera was configured for, 0 when unknown
 */
public record SourceCounters(
        long stripsReceived,
        long stripsIncomplete,
        long stripsDropped,
        long resends,
        long reconnects,
        double measuredLineRateHz,
        double configuredLineRateHz) {

    public static final SourceCounters NONE = new SourceCounters(0, 0, 0, 0, 0, 0, 0);
}
