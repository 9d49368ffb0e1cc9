package io.aoi.camera.aravis;

import io.aoi.image.Image;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies an Aravis buffer's pixels into a new {@link Image}: Mono8 into an 8-bit image, Mono10/12/16
 * (little-endian, unpacked, as GenICam defines them) into a 16-bit image with the raw values. The buffer can be
 * given back to the stream as soon as {@link #decode} returns. Not thread-safe (keeps a scratch array).
 */
final class StripDecoder {
    private final StripGeometry geometry;
    private final byte[] scratch;

    StripDecoder(StripGeometry geometry) {
        this.geometry = geometry;
        this.scratch = new byte[Math.toIntExact(geometry.bytesPerBuffer())];
    }

    /**
     * @param buffer a complete buffer of this geometry, holding at least {@link StripGeometry#bytesPerBuffer()}
     *               bytes
     */
    Image decode(AravisBuffer buffer) {
        buffer.copyRows(geometry.linesPerBuffer(), geometry.widthPx() * geometry.format().bytesPerPixel(), scratch);
        return decode(scratch);
    }

    /** @param raw the rows as the camera sent them, at least {@link StripGeometry#bytesPerBuffer()} bytes */
    Image decode(byte[] raw) {
        int w = geometry.widthPx();
        int h = geometry.linesPerBuffer();
        int n = w * h;
        short[] samples = new short[n];
        if (geometry.format().bytesPerPixel() == 1) {
            for (int i = 0; i < n; i++) {
                samples[i] = (short) (raw[i] & 0xFF);
            }
        } else {
            ByteBuffer.wrap(raw, 0, 2 * n).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        }
        return new Image(w, h, 1, geometry.format().imageBitDepth(), samples);
    }
}
