package io.aoi.station;

import java.util.List;

/**
 * How a {@link Station} is opened, beyond its station file. Immutable; start from {@link #defaults()} (what the
 * {@code run} command does: the station's own frame source, OPC UA server on, no frame limit) and change what
 * differs:
 *
 * <pre>{@code
 * StationOptions.defaults().withHostFrames(8).withOpcUaServer(false)
 * }</pre>
 *
 * @param input               where frames come from
 * @param pushQueueCapacity   with {@link FrameInput#HOST}: frames {@link Station#push} holds before the pipeline
 *                            takes them; a push that finds it full is refused ({@link PushOutcome.Reason#QUEUE_FULL})
 * @param opcUaServer         whether the station serves OPC UA as its station file says ({@code opcua} section)
 * @param frameLimit          stop taking frames after this many (0: until closed or the source ends)
 * @param resultQueueCapacity results {@link Station#results()} holds for a host that takes them; when it is full a
 *                            result is not queued (counted in {@link Station#resultsNotQueued()}), it is still in
 *                            the journal and given to the listeners
 */
public record StationOptions(FrameInput input, int pushQueueCapacity, boolean opcUaServer, long frameLimit,
        int resultQueueCapacity) {
    /** Where a station's frames come from. */
    public enum FrameInput {
        /** The camera or folder of the station file ({@code camera} section). */
        OWN_SOURCE,
        /** Frames the host hands in with {@link Station#push}; the station file's camera is not opened. */
        HOST
    }

    public static final int DEFAULT_PUSH_QUEUE_CAPACITY = 8;
    public static final int DEFAULT_RESULT_QUEUE_CAPACITY = 1024;

    public StationOptions {
        if (input == null) {
            throw new IllegalArgumentException("input is missing; allowed: " + List.of(FrameInput.values()));
        }
        if (pushQueueCapacity < 1) {
            throw new IllegalArgumentException("pushQueueCapacity = " + pushQueueCapacity + "; allowed: 1 or more");
        }
        if (frameLimit < 0) {
            throw new IllegalArgumentException("frameLimit = " + frameLimit + "; allowed: 0 (no limit) or more");
        }
        if (resultQueueCapacity < 1) {
            throw new IllegalArgumentException("resultQueueCapacity = " + resultQueueCapacity
                    + "; allowed: 1 or more");
        }
    }

    /** The station's own source, OPC UA server on, no frame limit, a result queue of 1024. */
    public static StationOptions defaults() {
        return new StationOptions(FrameInput.OWN_SOURCE, DEFAULT_PUSH_QUEUE_CAPACITY, true, 0,
                DEFAULT_RESULT_QUEUE_CAPACITY);
    }

    /** Frames pushed by the host, at most {@code queueCapacity} waiting for the pipeline. */
    public StationOptions withHostFrames(int queueCapacity) {
        return new StationOptions(FrameInput.HOST, queueCapacity, opcUaServer, frameLimit, resultQueueCapacity);
    }

    /** Frames from the station file's camera or folder. */
    public StationOptions withOwnSource() {
        return new StationOptions(FrameInput.OWN_SOURCE, pushQueueCapacity, opcUaServer, frameLimit,
                resultQueueCapacity);
    }

    public StationOptions withOpcUaServer(boolean on) {
        return new StationOptions(input, pushQueueCapacity, on, frameLimit, resultQueueCapacity);
    }

    public StationOptions withFrameLimit(long frames) {
        return new StationOptions(input, pushQueueCapacity, opcUaServer, frames, resultQueueCapacity);
    }

    public StationOptions withResultQueueCapacity(int results) {
        return new StationOptions(input, pushQueueCapacity, opcUaServer, frameLimit, results);
    }
}
