package io.aoi.camera.aravis;

import io.aoi.config.AravisCameraSettings;
import io.aoi.config.AravisCameraSettings.GenicamFeature;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
        return new AravisCameraSettings(Optional.of(cameraId), widthPx, 0, linesPerBuffer, lineRateHz, 0, -1,
                pixelFormat, features, 0, false, 8, Duration.ofMillis(500), reconnectBackoffMax);
    }
}
