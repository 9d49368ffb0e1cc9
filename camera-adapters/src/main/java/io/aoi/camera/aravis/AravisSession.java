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
    private final String description;
    private boolean acquiring;

    private AravisSession(AravisCamera camera, AravisStream stream, StripGeometry geometry, String description) {
        this.camera = camera;
        this.stream = stream;
        this.geometry = geometry;
        this.description = description;
    }

    /** Opens and configures the camera and prepares its stream; acquisition is not started yet. */
    static AravisSession open(AravisLibrary lib, AravisCameraSettings settings) throws CameraException {
        AravisCamera camera = AravisCamera.open(lib, settings.cameraId().orElse(""));
        try {
            StripGeometry geometry = CameraConfigurator.apply(camera, settings);
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
            return new AravisSession(camera, stream, geometry, description);
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
