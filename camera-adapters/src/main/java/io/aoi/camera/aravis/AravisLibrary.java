package io.aoi.camera.aravis;

import com.sun.jna.Callback;
import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The subset of Aravis 0.8 (and of the GLib/GObject functions it depends on) that this package calls.
 *
 * <p>Every {@code PointerByReference error} parameter is a {@code GError **}: Aravis stores a new error there
 * on failure, which the caller must read and free ({@link NativeErrors}). Returned {@code String}s are owned by
 * Aravis (copied by JNA, never freed here). Object pointers returned by {@code *_new} / {@code create_*} are
 * owned by the caller and released with {@link #g_object_unref(Pointer)}; getters returning objects
 * ({@link #arv_camera_get_device(Pointer)}, {@link #arv_device_get_feature(Pointer, String)}) do not transfer
 * ownership.
 */
interface AravisLibrary extends Library {

    /** ArvGvStreamOption flag: receive GVSP with an ordinary UDP socket (needed on loopback as root). */
    int ARV_GV_STREAM_OPTION_PACKET_SOCKET_DISABLED = 1;
    /** ArvAcquisitionMode value for free-running acquisition. */
    int ARV_ACQUISITION_MODE_CONTINUOUS = 1;

    /** Signature of the {@code control-lost} signal handler of an ArvDevice. */
    interface ControlLostHandler extends Callback {
        void invoke(Pointer device, Pointer userData);
    }

    // System-wide device list.
    void arv_enable_interface(String interfaceId);

    void arv_update_device_list();

    int arv_get_n_devices();

    String arv_get_device_id(int index);

    String arv_get_device_vendor(int index);

    String arv_get_device_model(int index);

    String arv_get_device_serial_nbr(int index);

    String arv_get_device_address(int index);

    String arv_get_device_protocol(int index);

    // Camera.
    Pointer arv_camera_new(String name, PointerByReference error);

    Pointer arv_camera_get_device(Pointer camera);

    String arv_camera_get_vendor_name(Pointer camera, PointerByReference error);

    String arv_camera_get_model_name(Pointer camera, PointerByReference error);

    String arv_camera_get_device_serial_number(Pointer camera, PointerByReference error);

    void arv_camera_get_sensor_size(Pointer camera, IntByReference width, IntByReference height,
            PointerByReference error);

    void arv_camera_set_region(Pointer camera, int x, int y, int width, int height, PointerByReference error);

    void arv_camera_get_region(Pointer camera, IntByReference x, IntByReference y, IntByReference width,
            IntByReference height, PointerByReference error);

    void arv_camera_set_pixel_format_from_string(Pointer camera, String format, PointerByReference error);

    String arv_camera_get_pixel_format_as_string(Pointer camera, PointerByReference error);

    void arv_camera_set_acquisition_mode(Pointer camera, int mode, PointerByReference error);

    void arv_camera_set_frame_rate(Pointer camera, double frameRateHz, PointerByReference error);

    double arv_camera_get_frame_rate(Pointer camera, PointerByReference error);

    void arv_camera_set_exposure_time(Pointer camera, double exposureMicros, PointerByReference error);

    double arv_camera_get_exposure_time(Pointer camera, PointerByReference error);

    void arv_camera_set_gain(Pointer camera, double gain, PointerByReference error);

    double arv_camera_get_gain(Pointer camera, PointerByReference error);

    int arv_camera_is_gv_device(Pointer camera);

    void arv_camera_gv_set_packet_size(Pointer camera, int packetSizeBytes, PointerByReference error);

    void arv_camera_gv_set_stream_options(Pointer camera, int options);

    int arv_camera_get_payload(Pointer camera, PointerByReference error);

    Pointer arv_camera_create_stream(Pointer camera, Pointer callback, Pointer userData, PointerByReference error);

    void arv_camera_start_acquisition(Pointer camera, PointerByReference error);

    void arv_camera_stop_acquisition(Pointer camera, PointerByReference error);

    // Device features.
    int arv_device_is_feature_available(Pointer device, String feature, PointerByReference error);

    /** The device's GenICam description; owned by the device. {@code size} receives its length in bytes. */
    Pointer arv_device_get_genicam_xml(Pointer device, LongByReference size);

    Pointer arv_device_get_feature(Pointer device, String feature);

    void arv_device_set_float_feature_value(Pointer device, String feature, double value, PointerByReference error);

    void arv_device_set_boolean_feature_value(Pointer device, String feature, int value, PointerByReference error);

    double arv_device_get_float_feature_value(Pointer device, String feature, PointerByReference error);

    void arv_gc_feature_node_set_value_from_string(Pointer featureNode, String value, PointerByReference error);

    String arv_gc_feature_node_get_value_as_string(Pointer featureNode, PointerByReference error);

    // Stream and buffers.
    Pointer arv_buffer_new(long size, Pointer preallocated);

    void arv_stream_push_buffer(Pointer stream, Pointer buffer);

    Pointer arv_stream_timeout_pop_buffer(Pointer stream, long timeoutMicros);

    long arv_stream_get_info_uint64_by_name(Pointer stream, String name);

    int arv_buffer_get_status(Pointer buffer);

    Pointer arv_buffer_get_data(Pointer buffer, LongByReference size);

    long arv_buffer_get_frame_id(Pointer buffer);

    int arv_buffer_get_image_width(Pointer buffer);

    int arv_buffer_get_image_height(Pointer buffer);

    int arv_buffer_get_image_pixel_format(Pointer buffer);

    // GLib / GObject, resolved through libaravis's own dependencies.
    void g_object_unref(Pointer object);

    void g_error_free(Pointer error);

    /** Variadic property setter: name, value pairs terminated by a null name. */
    void g_object_set(Pointer object, String firstProperty, Object... valuesAndMoreProperties);

    long g_signal_connect_data(Pointer instance, String detailedSignal, Callback handler, Pointer data,
            Pointer destroyData, int connectFlags);

    void g_signal_handler_disconnect(Pointer instance, long handlerId);
}
