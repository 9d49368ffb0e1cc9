package io.aoi.cv;

import nu.pattern.OpenCV;

/** Loads OpenCV's native library once per process. A failure to load is an error, never skipped. */
public final class OpenCv {
    private static volatile boolean loaded;

    private OpenCv() {
    }

    /** Loads the library bundled with org.openpnp:opencv; safe to call from any thread, any number of times. */
    public static void load() {
        if (!loaded) {
            synchronized (OpenCv.class) {
                if (!loaded) {
                    OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
