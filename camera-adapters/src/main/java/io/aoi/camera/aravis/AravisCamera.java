package io.aoi.camera.aravis;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.aoi.camera.CameraException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open {@code ArvCamera}: owns its reference and the {@code control-lost} signal connection. Every failing
 * native call becomes a {@link CameraException} whose message names the camera and the action.
 *
 * <p>Not thread-safe: used by one thread at a time (the owning source serialises access), except
 * {@link #controlLost()}, which any thread may read. {@link #close()} is idempotent.
 */
final class AravisCamera implements AutoCloseable {
    private final AravisLibrary lib;
    private final String label;
    private Pointer camera;
    private final Pointer device;
    private final AtomicBoolean controlLost = new AtomicBoolean();
    /** Strongly referenced while connected, so that JNA does not free the native trampoline. */
    private final AravisLibrary.ControlLostHandler controlLostHandler = (dev, data) -> controlLost.set(true);
    private final long controlLostHandlerId;

    private AravisCamera(AravisLibrary lib, String label, Pointer camera) {
        this.lib = lib;
        this.label = label;
        this.camera = camera;
        this.device = lib.arv_camera_get_device(camera);
        this.controlLostHandlerId = lib.g_signal_connect_data(device, "control-lost", controlLostHandler,
                Pointer.NULL, Pointer.NULL, 0);
    }

    /**
     * Opens a camera by Aravis id, serial number or IP address; an empty id opens the first camera found.
     *
     * @throws CameraException naming the id when no such camera answers
     */
    static AravisCamera open(AravisLibrary lib, String cameraId) throws CameraException {
        String label = cameraId.isEmpty() ? "camera (first found)" : "camera '" + cameraId + "'";
        PointerByReference error = NativeErrors.slot();
        Pointer camera;
        synchronized (AravisNative.DISCOVERY_LOCK) {
            if (cameraId.startsWith(AravisCameras.FAKE_INTERFACE)) {
                lib.arv_enable_interface(AravisCameras.FAKE_INTERFACE);
            }
            camera = lib.arv_camera_new(cameraId.isEmpty() ? null : cameraId, error);
        }
        String message = NativeErrors.take(lib, error);
        if (camera == null || message != null) {
            if (camera != null) {
                lib.g_object_unref(camera);
            }
            throw new CameraException(label + ": cannot open: "
                    + (message != null ? message : "no such camera found"));
        }
        return new AravisCamera(lib, label, camera);
    }

    /** For messages: {@code camera 'Fake_1'}. */
    String label() {
        return label;
    }

    /** True once the transport reported that the device stopped answering (GigE heartbeat, USB unplug). */
    boolean controlLost() {
        return controlLost.get();
    }

    /** {@code vendor model #serial}, falling back to the label where the camera does not say. */
    String describe() {
        PointerByReference e = NativeErrors.slot();
        String vendor = lib.arv_camera_get_vendor_name(live(), e);
        NativeErrors.take(lib, e);
        String model = lib.arv_camera_get_model_name(live(), e);
        NativeErrors.take(lib, e);
        String serial = lib.arv_camera_get_device_serial_number(live(), e);
        NativeErrors.take(lib, e);
        if (vendor == null && model == null) {
            return label;
        }
        return (vendor == null ? "" : vendor + " ") + (model == null ? "" : model)
                + (serial == null ? "" : " #" + serial) + " (" + label + ")";
    }

    boolean isGigEVision() {
        return lib.arv_camera_is_gv_device(live()) != 0;
    }

    boolean isFeatureAvailable(String feature) throws CameraException {
        PointerByReference e = NativeErrors.slot();
        int available = lib.arv_device_is_feature_available(device, feature, e);
        NativeErrors.check(lib, e, label + ": checking feature " + feature);
        return available != 0;
    }

    int[] sensorSize() throws CameraException {
        IntByReference w = new IntByReference();
        IntByReference h = new IntByReference();
        run("reading the sensor size", e -> lib.arv_camera_get_sensor_size(live(), w, h, e));
        return new int[] {w.getValue(), h.getValue()};
    }

    /** The current region as {x, y, width, height}. */
    int[] region() throws CameraException {
        IntByReference x = new IntByReference();
        IntByReference y = new IntByReference();
        IntByReference w = new IntByReference();
        IntByReference h = new IntByReference();
        run("reading the region", e -> lib.arv_camera_get_region(live(), x, y, w, h, e));
        return new int[] {x.getValue(), y.getValue(), w.getValue(), h.getValue()};
    }

    void setRegion(int x, int y, int width, int height) throws CameraException {
        run("setting region OffsetX=" + x + " OffsetY=" + y + " Width=" + width
                + " Height=" + height, e -> lib.arv_camera_set_region(live(), x, y, width, height, e));
    }

    void setPixelFormat(String format) throws CameraException {
        run("setting PixelFormat=" + format, e -> lib.arv_camera_set_pixel_format_from_string(live(), format, e));
    }

    String pixelFormat() throws CameraException {
        PointerByReference e = NativeErrors.slot();
        String format = lib.arv_camera_get_pixel_format_as_string(live(), e);
        NativeErrors.check(lib, e, label + ": reading PixelFormat");
        return format == null ? "(unknown)" : format;
    }

    void setContinuousAcquisition() throws CameraException {
        run("setting AcquisitionMode=Continuous",
                e -> lib.arv_camera_set_acquisition_mode(live(), AravisLibrary.ARV_ACQUISITION_MODE_CONTINUOUS, e));
    }

    void setFrameRate(double frameRateHz) throws CameraException {
        run("setting AcquisitionFrameRate=" + plain(frameRateHz),
                e -> lib.arv_camera_set_frame_rate(live(), frameRateHz, e));
    }

    double frameRate() throws CameraException {
        return call("reading AcquisitionFrameRate", e -> lib.arv_camera_get_frame_rate(live(), e));
    }

    void setExposureMicros(double exposureMicros) throws CameraException {
        run("setting ExposureTime=" + plain(exposureMicros) + " us",
                e -> lib.arv_camera_set_exposure_time(live(), exposureMicros, e));
    }

    double exposureMicros() throws CameraException {
        return call("reading ExposureTime", e -> lib.arv_camera_get_exposure_time(live(), e));
    }

    double gainDb() throws CameraException {
        return call("reading Gain", e -> lib.arv_camera_get_gain(live(), e));
    }

    void setGainDb(double gainDb) throws CameraException {
        run("setting Gain=" + plain(gainDb) + " dB", e -> lib.arv_camera_set_gain(live(), gainDb, e));
    }

    void setFloatFeature(String feature, double value) throws CameraException {
        run("setting " + feature + "=" + plain(value),
                e -> lib.arv_device_set_float_feature_value(device, feature, value, e));
    }

    double floatFeature(String feature) throws CameraException {
        return call("reading " + feature, e -> lib.arv_device_get_float_feature_value(device, feature, e));
    }

    void setBooleanFeature(String feature, boolean value) throws CameraException {
        run("setting " + feature + "=" + value,
                e -> lib.arv_device_set_boolean_feature_value(device, feature, value ? 1 : 0, e));
    }

    /**
     * Writes a feature of any type from its text form (enumeration entry, integer, float, boolean, string).
     *
     * @throws CameraException when the camera has no such feature or refuses the value
     */
    void setFeatureFromString(String feature, String value) throws CameraException {
        Pointer node = lib.arv_device_get_feature(device, feature);
        if (node == null) {
            throw new CameraException(label + ": setting " + feature + "=" + value
                    + ": the camera has no feature named " + feature);
        }
        run("setting " + feature + "=" + value, e -> lib.arv_gc_feature_node_set_value_from_string(node, value, e));
    }

    /** Reads a feature of any type as text. */
    String featureAsString(String feature) throws CameraException {
        Pointer node = lib.arv_device_get_feature(device, feature);
        if (node == null) {
            throw new CameraException(label + ": reading " + feature + ": the camera has no feature named "
                    + feature);
        }
        return call("reading " + feature, e -> lib.arv_gc_feature_node_get_value_as_string(node, e));
    }

    /** The camera's GenICam description (XML), as it sent it. */
    String genicamXml() throws CameraException {
        LongByReference size = new LongByReference();
        Pointer xml = lib.arv_device_get_genicam_xml(device, size);
        if (xml == null || size.getValue() <= 0) {
            throw new CameraException(label + ": reading the GenICam description: the camera sent none");
        }
        return new String(xml.getByteArray(0, (int) size.getValue()), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Must be called before {@link #createStream}; GigE Vision only. */
    void setGigEStreamOptions(boolean packetSocket, int packetSizeBytes) throws CameraException {
        lib.arv_camera_gv_set_stream_options(live(),
                packetSocket ? 0 : AravisLibrary.ARV_GV_STREAM_OPTION_PACKET_SOCKET_DISABLED);
        if (packetSizeBytes > 0) {
            run("setting GevSCPSPacketSize=" + packetSizeBytes,
                    e -> lib.arv_camera_gv_set_packet_size(live(), packetSizeBytes, e));
        }
    }

    int payloadBytes() throws CameraException {
        return call("reading PayloadSize", e -> lib.arv_camera_get_payload(live(), e));
    }

    /** A new stream owned by the caller (release with {@code g_object_unref}). */
    Pointer createStream() throws CameraException {
        PointerByReference e = NativeErrors.slot();
        Pointer stream = lib.arv_camera_create_stream(live(), Pointer.NULL, Pointer.NULL, e);
        String message = NativeErrors.take(lib, e);
        if (stream == null || message != null) {
            if (stream != null) {
                lib.g_object_unref(stream);
            }
            throw new CameraException(label + ": creating the stream: "
                    + (message != null ? message : "Aravis returned no stream"));
        }
        return stream;
    }

    void startAcquisition() throws CameraException {
        run("starting acquisition", e -> lib.arv_camera_start_acquisition(live(), e));
    }

    /** Stops acquisition; failures are ignored (the camera may be gone). */
    void stopAcquisitionQuietly() {
        if (camera == null) {
            return;
        }
        PointerByReference e = NativeErrors.slot();
        lib.arv_camera_stop_acquisition(camera, e);
        NativeErrors.take(lib, e);
    }

    /** A number for messages: {@code 20000} rather than {@code 20000.0}. */
    static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** One call into Aravis that reports its failure in a GError slot. */
    @FunctionalInterface
    private interface NativeCall<R> {
        R call(PointerByReference error);
    }

    /** One call into Aravis with no result that reports its failure in a GError slot. */
    @FunctionalInterface
    private interface NativeAction {
        void run(PointerByReference error);
    }

    /** Makes the call; its failure throws, naming this camera and {@code doing} ("reading Gain"). */
    private <R> R call(String doing, NativeCall<R> call) throws CameraException {
        PointerByReference e = NativeErrors.slot();
        R result = call.call(e);
        NativeErrors.check(lib, e, label + ": " + doing);
        return result;
    }

    private void run(String doing, NativeAction action) throws CameraException {
        PointerByReference e = NativeErrors.slot();
        action.run(e);
        NativeErrors.check(lib, e, label + ": " + doing);
    }


    private Pointer live() throws IllegalStateException {
        if (camera == null) {
            throw new IllegalStateException(label + " is closed");
        }
        return camera;
    }

    @Override
    public void close() {
        if (camera == null) {
            return;
        }
        if (controlLostHandlerId != 0) {
            lib.g_signal_handler_disconnect(device, controlLostHandlerId);
        }
        lib.g_object_unref(camera);
        camera = null;
    }
}
