package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.config.AravisCameraSettings;

/**
 * One connection to a camera: the configured camera plus its running stream. A camera loss ends the session;
 * reconnecting opens a new one. Not thread-safe; {@link #close()} is idempotent.
 */
final class AravisSession implements AutoCloseable {
    /** Upper bound asked for the GigE Vision stream socket's receive buffer (the kernel may grant less). */
    static final long MAX_SOCKET_BUFFER_BYTES = 64L << 20;

    private final AravisCamera camera;
    private final AravisStream stream;
    private final StripGeometry geometry;
    private final CameraSnapshot snapshot;
    private final String description;
    private boolean acquiring;

    private AravisSession(AravisCamera camera, AravisStream stream, StripGeometry geometry, CameraSnapshot snapshot,
            String description) {
        this.camera = camera;
        this.stream = stream;
        this.geometry = geometry;
        this.snapshot = snapshot;
        this.description = description;
    }

    /** First connection: opens and configures the camera and prepares its stream; acquisition is not started. */
    static AravisSession open(AravisLibrary lib, AravisCameraSettings settings) throws CameraException {
        return configure(lib, AravisCamera.open(lib, settings.cameraId().orElse("")), settings, null);
    }

    /**
     * Configures an open camera (closed here on failure) and prepares its stream.
     *
     * @param recorded the first connection's settings in effect, written back where the settings keep the
     *                 camera's value; null at the first connection
     * @throws CameraException when the camera refuses a setting: it answers but cannot serve the station
     */
    static AravisSession configure(AravisLibrary lib, AravisCamera camera, AravisCameraSettings settings,
            CameraSnapshot recorded) throws CameraException {
        try {
            StripGeometry geometry = CameraConfigurator.apply(camera, settings, recorded);
            CameraSnapshot snapshot = CameraConfigurator.snapshot(camera, settings, geometry);
            int payload = camera.payloadBytes();
            if (payload < geometry.bytesPerBuffer()) {
                throw new CameraException(camera.label() + ": PayloadSize " + payload + " is smaller than one "
                        + geometry.widthPx() + "x" + geometry.linesPerBuffer() + " " + geometry.format().genicamName()
                        + " buffer (" + geometry.bytesPerBuffer() + " bytes)");
            }
            String description = camera.describe();
            AravisStream stream = new AravisStream(lib, camera.createStream(), settings.bufferCount(), payload,
                    camera.isGigEVision());
            stream.setSocketBufferBytes((int) Math.min(MAX_SOCKET_BUFFER_BYTES,
                    (long) payload * settings.bufferCount()));
            return new AravisSession(camera, stream, geometry, snapshot, description);
        } catch (CameraException | RuntimeException e) {
            camera.close();
            throw e;
        }
    }

    void startAcquisition() throws CameraException {
        camera.startAcquisition();
        acquiring = true;
    }

    AravisCamera camera() {
        return camera;
    }

    AravisStream stream() {
        return stream;
    }

    StripGeometry geometry() {
        return geometry;
    }

    /** The settings in effect right after this session configured the camera. */
    CameraSnapshot snapshot() {
        return snapshot;
    }

    String description() {
        return description;
    }

    /**
     * Stops acquisition (only when the camera is still reachable: {@code cameraReachable}), frees the stream and
     * its buffers, then the camera.
     */
    void close(boolean cameraReachable) {
        if (acquiring && cameraReachable) {
            camera.stopAcquisitionQuietly();
        }
        acquiring = false;
        stream.close();
        camera.close();
    }

    @Override
    public void close() {
        close(true);
    }
}
