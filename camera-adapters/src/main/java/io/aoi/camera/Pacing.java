package io.aoi.camera;

/**
 * Who sets the pace of a {@link FrameSource}: the source, or whoever reads it. It decides what a station does with a
 * frame that finds the deblur stage busy. Declared by the source ({@link FrameSource#pacing()}), never inferred from
 * its type.
 */
public enum Pacing {

    /**
     * Frames come at the source's own rate, whether or not they are taken: a line-scan camera's lines keep passing
     * under it and a camera's buffers overrun when they are not read. The station reads such a source as fast as it
     * delivers, and a frame that finds the deblur stage busy follows the station's {@code deblur.overload} policy
     * (recorded as dropped, or restored with the cheaper fallback model).
     */
    LIVE,

    /**
     * Frames wait until they are asked for (files on disk): nothing is lost by reading later. The station reads the
     * next frame only when the deblur stage has room for it (back-pressure), so no frame of such a source is dropped
     * or restored with the fallback for overload; the pace is that of the slowest stage.
     */
    ON_DEMAND
}
