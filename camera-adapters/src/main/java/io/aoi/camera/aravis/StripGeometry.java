package io.aoi.camera.aravis;

/**
 * What the camera was actually configured to deliver, read back after configuration.
 *
 * @param widthPx              pixels per line
 * @param linesPerBuffer       lines per buffer (GenICam Height)
 * @param format               pixel format
 * @param configuredLineRateHz line rate read back from the camera; 0 when it reports none
 */
record StripGeometry(int widthPx, int linesPerBuffer, MonoFormat format, double configuredLineRateHz) {

    /** Bytes one complete buffer holds. */
    long bytesPerBuffer() {
        return (long) widthPx * linesPerBuffer * format.bytesPerPixel();
    }
}
