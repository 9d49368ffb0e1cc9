package io.aoi.detect;

import io.aoi.image.Image;

/** The detector's view of a frame: one channel of floats where 0 is black and 1 is full scale. */
final class MonoPlane {
    private MonoPlane() {
    }

    /**
     * The frame normalised to full scale, so 8- and 16-bit frames of the same scene give the same values.
     *
     * @throws IllegalArgumentException for anything but 8- or 16-bit mono
     */
    static float[] of(Image frame) {
        if (frame.channels() != 1) {
            throw new IllegalArgumentException("frame is " + frame + " with " + frame.channels()
                    + " channels; the particle detector allows 8- or 16-bit mono (1 channel) frames only");
        }
        if (frame.bitDepth() != 8 && frame.bitDepth() != 16) {
            throw new IllegalArgumentException("frame is " + frame.bitDepth()
                    + "-bit; the particle detector allows 8- or 16-bit mono frames only");
        }
        return frame.channelAsFloat(0);
    }
}
