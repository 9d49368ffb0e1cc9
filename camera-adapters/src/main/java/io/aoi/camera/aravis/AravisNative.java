package io.aoi.camera.aravis;

import com.sun.jna.Native;
import io.aoi.camera.CameraException;

/**
 * Loads Debian's Aravis 0.8 shared library once per JVM. Aravis's device list is process-wide and not safe for
 * concurrent discovery, so callers that enumerate or open devices hold {@link #DISCOVERY_LOCK}.
 */
final class AravisNative {
    /** The shared object of the {@code libaravis-0.8-0} package, loaded by its soname. */
    static final String LIBRARY_NAME = "libaravis-0.8.so.0";

    /** Guards {@code arv_update_device_list}, device enumeration and {@code arv_camera_new}. */
    static final Object DISCOVERY_LOCK = new Object();

    private AravisNative() {
    }

    private static final class Holder {
        static final AravisLibrary LIBRARY;
        static final Throwable FAILURE;

        static {
            AravisLibrary lib = null;
            Throwable failure = null;
            try {
                lib = Native.load(LIBRARY_NAME, AravisLibrary.class);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                failure = e;
            }
            LIBRARY = lib;
            FAILURE = failure;
        }
    }

    /**
     * The bound library.
     *
     * @throws CameraException when the library cannot be loaded (package {@code libaravis-0.8-0} missing)
     */
    static AravisLibrary library() throws CameraException {
        if (Holder.LIBRARY == null) {
            throw new CameraException("cannot load the Aravis library " + LIBRARY_NAME
                    + " (install the Debian package libaravis-0.8-0): " + Holder.FAILURE.getMessage(), Holder.FAILURE);
        }
        return Holder.LIBRARY;
    }
}
