package io.aoi.camera.aravis;

import io.aoi.config.AravisCameraSettings;
import io.aoi.config.AravisCameraSettings.GenicamFeature;
import java.time.Duration;
import java.util.List;

/** Settings for tests: a small region, no exposure/gain changes, packet socket off (loopback). */
final class TestSettings {
    private TestSettings() {
    }

    static AravisCameraSettings camera(String cameraId, int widthPx, int linesPerBuffer, double lineRateHz,
            String pixelFormat) {
        return camera(cameraId, widthPx, linesPerBuffer, lineRateHz, pixelFormat, List.of(), Duration.ofSeconds(2));
    }

    static AravisCameraSettings camera(String cameraId, int widthPx, int linesPerBuffer, double lineRateHz,
            String pixelFormat, List<GenicamFeature> features, Duration reconnectBackoffMax) {
        return AravisCameraSettings.DEFAULTS.withCameraId(cameraId).withWidthPx(widthPx)
                .withLinesPerBuffer(linesPerBuffer).withLineRateHz(lineRateHz).withPixelFormat(pixelFormat)
                .withFeatures(features).withPacketSocket(false).withBufferCount(8)
                .withGrabTimeout(Duration.ofMillis(500)).withReconnectBackoffMax(reconnectBackoffMax);
    }
}
