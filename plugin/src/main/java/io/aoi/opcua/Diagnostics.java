package io.aoi.opcua;

/**
 * A snapshot of the pipeline's health, published in the Diagnostics object. Counters count since the job started.
 *
 * @param framesPerSecond   frames completed per second, recent average
 * @param queueDepthCapture frames waiting for assembly
 * @param queueDepthDeblur  frames waiting for deblurring
 * @param queueDepthDetect  frames waiting for detection
 * @param framesDropped     frames dropped before inspection
 * @param stripsIncomplete  frames whose strips did not all arrive
 * @param stripsReceived    strips received
 * @param deblurMillisAvg   mean deblur time per frame, ms
 * @param detectMillisAvg   mean detection time per frame, ms
 * @param totalMillisAvg    mean time from frame complete to result, ms
 * @param resultsCompleted  results with an OK/NG verdict
 * @param resultsFailed     results whose inspection failed
 * @param resultsDropped    results for dropped frames
 */
public record Diagnostics(double framesPerSecond, int queueDepthCapture, int queueDepthDeblur, int queueDepthDetect,
        long framesDropped, long stripsIncomplete, long stripsReceived, double deblurMillisAvg,
        double detectMillisAvg, double totalMillisAvg, long resultsCompleted, long resultsFailed,
        long resultsDropped) {
    /** All zero: the value before the pipeline reports. */
    public static final Diagnostics EMPTY = new Diagnostics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
