package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Discovery of GenICam cameras (GigE Vision, USB3 Vision) through Aravis. Safe to call from any thread. */
public final class AravisCameras {
    /** Aravis's in-process simulated interface; its single camera is {@code Fake_1}. */
    static final String FAKE_INTERFACE = "Fake";

    private AravisCameras() {
    }

    /**
     * Loads the Aravis library without touching any camera, e.g. to check that a host can run Aravis cameras.
     *
     * @throws CameraException when the library cannot be loaded, naming the Debian package to install
     */
    public static void loadLibrary() throws CameraException {
        AravisNative.library();
    }

    /**
     * Rescans all interfaces and lists the cameras found. GigE Vision discovery broadcasts on every interface
     * and takes up to about a second.
     *
     * @throws CameraException when the Aravis library cannot be loaded
     */
    public static List<CameraInfo> list() throws CameraException {
        AravisLibrary lib = AravisNative.library();
        synchronized (AravisNative.DISCOVERY_LOCK) {
            lib.arv_update_device_list();
            int n = lib.arv_get_n_devices();
            List<CameraInfo> cameras = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                cameras.add(new CameraInfo(
                        text(lib.arv_get_device_id(i)),
                        text(lib.arv_get_device_vendor(i)),
                        text(lib.arv_get_device_model(i)),
                        text(lib.arv_get_device_serial_nbr(i)),
                        text(lib.arv_get_device_address(i)),
                        text(lib.arv_get_device_protocol(i))));
            }
            return List.copyOf(cameras);
        }
    }

    /**
     * Makes Aravis's simulated {@code Fake_1} camera visible to discovery and opening (it is off by default).
     * Opening a camera whose id starts with {@code Fake} does this automatically.
     */
    public static void enableFakeCamera() throws CameraException {
        AravisLibrary lib = AravisNative.library();
        synchronized (AravisNative.DISCOVERY_LOCK) {
            lib.arv_enable_interface(FAKE_INTERFACE);
        }
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
