package io.aoi.plugin.pipeline;

import io.aoi.camera.Frame;
import io.aoi.image.Image;

/**
 * Decides one frame. Called from the pipeline's detect thread only.
 */
@FunctionalInterface
public interface FrameInspector {
    /**
     * @param frame    the frame as captured (for its geometry: overlap rows, position)
     * @param restored the deblurred pixels, same size as the frame
     * @throws IllegalArgumentException when the pixels are of a kind the inspector does not take
     */
    Inspection inspect(Frame frame, Image restored);
}
