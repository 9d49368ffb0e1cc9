package io.aoi.plugin.pipeline;

import io.aoi.camera.Frame;

/**
 * A frame that entered the pipeline.
 *
 * @param frame        the frame
 * @param enteredNanos {@link System#nanoTime()} when it entered, for the frame-to-result latency
 */
public record CapturedFrame(Frame frame, long enteredNanos) {
}
