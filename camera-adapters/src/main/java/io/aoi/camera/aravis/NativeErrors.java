package io.aoi.camera.aravis;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.aoi.camera.CameraException;

/** Turns Aravis {@code GError}s into {@link CameraException}s with context, freeing the native error. */
final class NativeErrors {
    /** Offset of {@code gchar *message} in {@code struct GError { GQuark domain; gint code; gchar *message; }}. */
    private static final long MESSAGE_OFFSET = 8;

    private NativeErrors() {
    }

    /** A fresh {@code GError *} slot, initialised to NULL as GLib requires. */
    static PointerByReference slot() {
        return new PointerByReference(Pointer.NULL);
    }

    /**
     * Reads and frees the error in {@code slot}, if any, and resets the slot to NULL.
     *
     * @return the error message, or null when the call succeeded
     */
    static String take(AravisLibrary lib, PointerByReference slot) {
        Pointer error = slot.getValue();
        if (error == null) {
            return null;
        }
        Pointer messagePtr = error.getPointer(MESSAGE_OFFSET);
        String message = messagePtr == null ? "(no message)" : messagePtr.getString(0);
        lib.g_error_free(error);
        slot.setValue(Pointer.NULL);
        return message;
    }

    /**
     * Throws when the call that filled {@code slot} failed.
     *
     * @param context what was being done, for example {@code camera 'Fake_1': setting Width=512}
     */
    static void check(AravisLibrary lib, PointerByReference slot, String context) throws CameraException {
        String message = take(lib, slot);
        if (message != null) {
            throw new CameraException(context + ": " + message);
        }
    }
}
