package io.aoi.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A GenICam camera (GigE Vision or USB3 Vision) opened through Aravis. Build from {@link #DEFAULTS} with the
 * withers; the defaults live only there.
 *
 * @param cameraId          Aravis device id, serial number or IP address; empty opens the first camera found
 * @param widthPx           sensor width to read out; 0 keeps the camera's
 * @param offsetXPx         horizontal offset of the read-out region
 * @param linesPerBuffer    lines per buffer (GenICam Height)
 * @param lineRateHz        line rate (AcquisitionLineRate, or AcquisitionFrameRate x lines per buffer); 0 keeps the camera's
 * @param exposureMicros    exposure time in microseconds; 0 keeps the camera's
 * @param gainDb            analogue gain in dB; negative keeps the camera's
 * @param pixelFormat       Mono8, Mono10, Mono12 or Mono16
 * @param features          further GenICam features, written in order after the ones above
 * @param packetSizeBytes   GigE stream packet size; 0 lets Aravis negotiate
 * @param packetSocket      use the GigE packet socket (off is needed on loopback)
 * @param bufferCount       buffers in the stream pool
 * @param grabTimeout       how long one grab waits for a buffer
 * @param reconnectBackoffMax longest wait between reconnection attempts after the camera is lost
 */
public record AravisCameraSettings(
        Optional<String> cameraId,
        int widthPx,
        int offsetXPx,
        int linesPerBuffer,
        double lineRateHz,
        double exposureMicros,
        double gainDb,
        String pixelFormat,
        List<GenicamFeature> features,
        int packetSizeBytes,
        boolean packetSocket,
        int bufferCount,
        Duration grabTimeout,
        Duration reconnectBackoffMax) implements CameraSettings {

    public static final List<String> PIXEL_FORMATS = List.of("Mono8", "Mono10", "Mono12", "Mono16");

    /**
     * First camera found, camera's own width, offset 0, 64 lines per buffer, camera's own line rate, exposure and
     * gain, Mono8, no extra features, negotiated packet size, packet socket on, 16 buffers, grab timeout 1 s,
     * reconnect back-off up to 10 s.
     */
    public static final AravisCameraSettings DEFAULTS = new AravisCameraSettings(Optional.empty(), 0, 0, 64, 0, 0,
            -1, "Mono8", List.of(), 0, true, 16, Duration.ofSeconds(1), Duration.ofSeconds(10));

    public AravisCameraSettings {
        Check.present("cameraId", cameraId);
        Check.intRange("widthPx", widthPx, 0, 65536);
        Check.intRange("offsetXPx", offsetXPx, 0, 65536);
        Check.intRange("linesPerBuffer", linesPerBuffer, 1, 65536);
        Check.range("lineRateHz", lineRateHz, 0, 1_000_000);
        Check.range("exposureMicros", exposureMicros, 0, 10_000_000);
        Check.range("gainDb", gainDb, -1, 100);
        if (!PIXEL_FORMATS.contains(pixelFormat)) {
            throw new InvalidSettingException("pixelFormat", pixelFormat, String.join(", ", PIXEL_FORMATS));
        }
        features = List.copyOf(Check.present("features", features));
        Check.intRange("packetSizeBytes", packetSizeBytes, 0, 65536);
        Check.intRange("bufferCount", bufferCount, 2, 1024);
        Check.present("grabTimeout", grabTimeout);
        if (grabTimeout.isNegative() || grabTimeout.isZero()) {
            throw new InvalidSettingException("grabTimeout", grabTimeout, "a positive duration");
        }
        Check.present("reconnectBackoffMax", reconnectBackoffMax);
        if (reconnectBackoffMax.isNegative() || reconnectBackoffMax.isZero()) {
            throw new InvalidSettingException("reconnectBackoffMax", reconnectBackoffMax, "a positive duration");
        }
    }

    /** The camera to open: Aravis device id, serial number or IP address. */
    public AravisCameraSettings withCameraId(String v) {
        return withCameraId(Optional.of(v));
    }

    /** The camera to open; empty opens the first camera found. */
    public AravisCameraSettings withCameraId(Optional<String> v) {
        return new AravisCameraSettings(v, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros, gainDb,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withWidthPx(int v) {
        return new AravisCameraSettings(cameraId, v, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros, gainDb,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withOffsetXPx(int v) {
        return new AravisCameraSettings(cameraId, widthPx, v, linesPerBuffer, lineRateHz, exposureMicros, gainDb,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withLinesPerBuffer(int v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, v, lineRateHz, exposureMicros, gainDb,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withLineRateHz(double v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, v, exposureMicros, gainDb,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withExposureMicros(double v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, v, gainDb,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withGainDb(double v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros, v,
                pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withPixelFormat(String v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, v, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withFeatures(List<GenicamFeature> v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, pixelFormat, v, packetSizeBytes, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withPacketSizeBytes(int v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, pixelFormat, features, v, packetSocket, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withPacketSocket(boolean v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, pixelFormat, features, packetSizeBytes, v, bufferCount, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withBufferCount(int v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, pixelFormat, features, packetSizeBytes, packetSocket, v, grabTimeout, reconnectBackoffMax);
    }

    public AravisCameraSettings withGrabTimeout(Duration v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, v, reconnectBackoffMax);
    }

    public AravisCameraSettings withReconnectBackoffMax(Duration v) {
        return new AravisCameraSettings(cameraId, widthPx, offsetXPx, linesPerBuffer, lineRateHz, exposureMicros,
                gainDb, pixelFormat, features, packetSizeBytes, packetSocket, bufferCount, grabTimeout, v);
    }

    /** A GenICam feature written verbatim, for example TriggerSelector = LineStart. */
    public record GenicamFeature(String name, String value) {
        public GenicamFeature {
            Check.nonBlank("name", name);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InvalidSettingException("name", name, "a GenICam feature name (letters, digits, '_')");
            }
            Check.nonBlank("value", value);
        }
    }
}
