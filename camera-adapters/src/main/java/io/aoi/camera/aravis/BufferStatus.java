package io.aoi.camera.aravis;

/** Names of Aravis's {@code ArvBufferStatus} values, for reasons in grab results. */
final class BufferStatus {
    /** The buffer holds a complete image. */
    static final int SUCCESS = 0;

    private static final String[] NAMES = {
        "SUCCESS", "CLEARED", "TIMEOUT", "MISSING_PACKETS", "WRONG_PACKET_ID", "SIZE_MISMATCH", "FILLING",
        "ABORTED", "PAYLOAD_NOT_SUPPORTED",
    };

    private BufferStatus() {
    }

    /** The status name, such as {@code MISSING_PACKETS}; unknown codes read {@code UNKNOWN(<code>)}. */
    static String name(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "UNKNOWN(" + status + ")";
    }
}
