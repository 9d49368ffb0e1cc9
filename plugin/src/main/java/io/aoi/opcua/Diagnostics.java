package io.aoi.opcua;

import io.aoi.camera.SourceState;
import java.util.Objects;

/**
 * A snapshot of the pipeline's health, published in the Diagnostics object. Counters count since the job started.
 * Build from {@link #EMPTY} with the withers.
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
 * @param sourceState       what the frame source last reported (published as its text)
 */
public record Diagnostics(
        double framesPerSecond,
        int queueDepthCapture,
        int queueDepthDeblur,
        int queueDepthDetect,
        long framesDropped,
        long stripsIncomplete,
        long stripsReceived,
        double deblurMillisAvg,
        double detectMillisAvg,
        double totalMillisAvg,
        long resultsCompleted,
        long resultsFailed,
        long resultsDropped,
        SourceState sourceState) {
    /** All zero, source starting: the value before the pipeline reports. */
    public static final Diagnostics EMPTY = new Diagnostics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            new SourceState.Starting());

    public Diagnostics {
        Objects.requireNonNull(sourceState, "sourceState");
    }

    public Diagnostics withFramesPerSecond(double v) {
        return new Diagnostics(v, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withQueueDepthCapture(int v) {
        return new Diagnostics(framesPerSecond, v, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withQueueDepthDeblur(int v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, v, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withQueueDepthDetect(int v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, v, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withFramesDropped(long v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, v,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withStripsIncomplete(long v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                v, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted, resultsFailed,
                resultsDropped, sourceState);
    }

    public Diagnostics withStripsReceived(long v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, v, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withDeblurMillisAvg(double v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, v, detectMillisAvg, totalMillisAvg, resultsCompleted, resultsFailed,
                resultsDropped, sourceState);
    }

    public Diagnostics withDetectMillisAvg(double v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, v, totalMillisAvg, resultsCompleted, resultsFailed,
                resultsDropped, sourceState);
    }

    public Diagnostics withTotalMillisAvg(double v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, v, resultsCompleted,
                resultsFailed, resultsDropped, sourceState);
    }

    public Diagnostics withResultsCompleted(long v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, v, resultsFailed,
                resultsDropped, sourceState);
    }

    public Diagnostics withResultsFailed(long v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                v, resultsDropped, sourceState);
    }

    public Diagnostics withResultsDropped(long v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, v, sourceState);
    }

    public Diagnostics withSourceState(SourceState v) {
        return new Diagnostics(framesPerSecond, queueDepthCapture, queueDepthDeblur, queueDepthDetect, framesDropped,
                stripsIncomplete, stripsReceived, deblurMillisAvg, detectMillisAvg, totalMillisAvg, resultsCompleted,
                resultsFailed, resultsDropped, v);
    }
}
