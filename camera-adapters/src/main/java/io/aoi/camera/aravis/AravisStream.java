package io.aoi.camera.aravis;

import com.sun.jna.Pointer;
import java.util.Optional;

/**
 * An {@code ArvStream} with its pool of buffers. The pool is allocated once; each popped {@link AravisBuffer}
 * must be closed (which pushes it back) after its data was copied, so the camera never runs out while the
 * consumer keeps up.
 * Closing unrefs the stream, which joins its receive thread and frees every buffer queued in it; the caller must
 * not hold a popped buffer at that point.
 *
 * <p>Not thread-safe: the owning source serialises access. {@link #close()} is idempotent.
 */
final class AravisStream implements AutoCloseable {
    private final AravisLibrary lib;
    private final boolean gigE;
    private Pointer stream;

    /**
     * Takes ownership of {@code stream} and fills it with {@code bufferCount} buffers of {@code bufferBytes}.
     */
    AravisStream(AravisLibrary lib, Pointer stream, int bufferCount, long bufferBytes, boolean gigE) {
        this.lib = lib;
        this.stream = stream;
        this.gigE = gigE;
        for (int i = 0; i < bufferCount; i++) {
            lib.arv_stream_push_buffer(stream, lib.arv_buffer_new(bufferBytes, Pointer.NULL));
        }
    }

    /**
     * Asks for a kernel receive buffer of {@code bytes} on the GigE Vision stream socket, so that bursts survive
     * while the receive thread is not scheduled; Linux caps it at {@code net.core.rmem_max}. No effect on other
     * transports.
     */
    void setSocketBufferBytes(int bytes) {
        if (gigE) {
            lib.g_object_set(stream, "socket-buffer-size", bytes, Pointer.NULL);
        }
    }

    /**
     * The next filled buffer, empty when none arrived within {@code timeoutMicros}. The caller closes it, which
     * gives it back to this stream.
     */
    Optional<AravisBuffer> pop(long timeoutMicros) {
        Pointer buffer = lib.arv_stream_timeout_pop_buffer(stream, timeoutMicros);
        return buffer == null ? Optional.empty() : Optional.of(new AravisBuffer(lib, buffer, this::recycle));
    }

    /** Gives a popped buffer back to the stream for refilling; called by {@link AravisBuffer#close()}. */
    private void recycle(Pointer buffer) {
        lib.arv_stream_push_buffer(stream, buffer);
    }

    /** Packets the GigE Vision receiver re-requested from the camera so far; 0 for other transports. */
    long resentPackets() {
        return gigE ? lib.arv_stream_get_info_uint64_by_name(stream, "n_resent_packets") : 0;
    }

    @Override
    public void close() {
        if (stream != null) {
            lib.g_object_unref(stream);
            stream = null;
        }
    }
}
