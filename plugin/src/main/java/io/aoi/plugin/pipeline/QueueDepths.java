package io.aoi.plugin.pipeline;

/**
 * Items waiting in front of each stage of the pipeline, by name.
 *
 * @param deblur frames waiting for deblurring
 * @param detect frames waiting for detection
 * @param record results waiting to be journaled
 */
public record QueueDepths(int deblur, int detect, int record) {
}
