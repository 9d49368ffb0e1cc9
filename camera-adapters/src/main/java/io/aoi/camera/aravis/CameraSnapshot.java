package io.aoi.camera.aravis;

/**
 * The settings in effect on a camera right after the station configured it at its first connection, including
 * the values the station file left to the camera ({@code widthPx: 0}, {@code lineRateHz: 0}, exposure 0, gain
 * negative). A camera that is power-cycled comes back at its power-on values; reconnecting writes these back so
 * that it serves the station as before.
 *
 * @param widthPx        read-out width
 * @param offsetXPx      read-out offset
 * @param pixelFormat    GenICam pixel format name
 * @param lineRateHz     lines per second the camera reported (0 when it reports none)
 * @param exposureMicros exposure time the camera reported; NaN when it has no readable exposure
 * @param gainDb         gain the camera reported; NaN when it has no readable gain
 */
record CameraSnapshot(int widthPx, int offsetXPx, String pixelFormat, double lineRateHz, double exposureMicros,
        double gainDb) {

    /** For logs: {@code width 1024, offset 0, Mono8, 8000 lines/s, exposure 1000 us, gain 0 dB}. */
    String describe() {
        return "width " + widthPx + ", offset " + offsetXPx + ", " + pixelFormat + ", "
                + AravisCamera.plain(lineRateHz) + " lines/s, exposure "
                + (Double.isNaN(exposureMicros) ? "unknown" : AravisCamera.plain(exposureMicros) + " us") + ", gain "
                + (Double.isNaN(gainDb) ? "unknown" : AravisCamera.plain(gainDb) + " dB");
    }
}
