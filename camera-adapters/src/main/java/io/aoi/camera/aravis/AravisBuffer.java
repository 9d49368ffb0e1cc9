package io.aoi.camera.aravis;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import java.util.function.Consumer;

/**
 * A view of one {@code ArvBuffer} popped from an {@link AravisStream}: it answers the buffer's status, frame id,
 * payload size and image geometry, and copies its rows into a Java array, so that its user never touches the
 * native pointer. Closing it pushes the buffer back to its stream for refilling; use it in try-with-resources
 * and copy what is needed before the block ends.
 *
 * <p>Not thread-safe (the stream's owner serialises access). {@link #close()} is idempotent; every other method
 * throws {@link IllegalStateException} after close, since the camera may already be refilling the buffer.
 */
final class AravisBuffer implements AutoCloseable {
    private final AravisLibrary lib;
    private final Consumer<Pointer> giveBack;
    private Pointer buffer;

    /**
     * Takes the popped {@code buffer}, which is handed to {@code giveBack} (the stream's push) once, on
     * {@link #close()}.
     */
    AravisBuffer(AravisLibrary lib, Pointer buffer, Consumer<Pointer> giveBack) {
        this.lib = lib;
        this.buffer = buffer;
        this.giveBack = giveBack;
    }

    /** The {@code ArvBufferStatus} code; {@link BufferStatus#SUCCESS} for a complete image. */
    int status() {
        return lib.arv_buffer_get_status(live());
    }

    /** Whether the driver reports a complete image (status {@code SUCCESS}). */
    boolean complete() {
        return status() == BufferStatus.SUCCESS;
    }

    /** The status name, such as {@code MISSING_PACKETS}, for reasons in grab results. */
    String statusName() {
        return BufferStatus.name(status());
    }

    /** The frame id the camera gave this buffer (GigE Vision block id); runs on by one per buffer. */
    long frameId() {
        return lib.arv_buffer_get_frame_id(live());
    }

    /** Pixels per line the buffer's image header declares. */
    int widthPx() {
        return lib.arv_buffer_get_image_width(live());
    }

    /** Lines the buffer's image header declares. */
    int heightPx() {
        return lib.arv_buffer_get_image_height(live());
    }

    /** The PFNC pixel format code of the buffer's image header (compare with {@link MonoFormat#pfncCode()}). */
    int pixelFormat() {
        return lib.arv_buffer_get_image_pixel_format(live());
    }

    /** Bytes of image data the buffer holds; 0 when it holds none. */
    long payloadBytes() {
        LongByReference size = new LongByReference();
        Pointer data = lib.arv_buffer_get_data(live(), size);
        return data == null ? 0 : size.getValue();
    }

    /**
     * Copies the first {@code rows} rows of {@code bytesPerRow} bytes each into {@code into}, from its start.
     *
     * @throws IllegalArgumentException when {@code into} is shorter than {@code rows * bytesPerRow}, or the
     *                                  buffer holds fewer bytes (check {@link #payloadBytes()} first)
     */
    void copyRows(int rows, int bytesPerRow, byte[] into) {
        long bytes = (long) rows * bytesPerRow;
        if (rows < 0 || bytesPerRow < 0 || bytes > into.length) {
            throw new IllegalArgumentException(rows + " rows of " + bytesPerRow + " bytes do not fit an array of "
                    + into.length + " bytes");
        }
        LongByReference size = new LongByReference();
        Pointer data = lib.arv_buffer_get_data(live(), size);
        if (data == null || size.getValue() < bytes) {
            throw new IllegalArgumentException("the buffer holds " + (data == null ? 0 : size.getValue())
                    + " bytes, fewer than " + rows + " rows of " + bytesPerRow + " bytes");
        }
        data.read(0, into, 0, (int) bytes);
    }

    private Pointer live() {
        if (buffer == null) {
            throw new IllegalStateException("the Aravis buffer was given back to its stream");
        }
        return buffer;
    }

    /** Gives the buffer back to its stream for refilling. Idempotent. */
    @Override
    public void close() {
        if (buffer != null) {
            Pointer b = buffer;
            buffer = null;
            giveBack.accept(b);
        }
    }
}
