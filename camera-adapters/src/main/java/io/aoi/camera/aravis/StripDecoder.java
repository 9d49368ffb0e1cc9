package io.aoi.camera.aravis;

import com.sun.jna.Pointer;
import io.aoi.image.Image;
import java.nio.ByteOrder;

/**
 * Copies an Aravis buffer's pixels into a new {@link Image}: Mono8 into an 8-bit image, Mono10/12/16
 * (little-endian, unpacked, as GenICam defines them) into a 16-bit image with the raw values. The native buffer
 * can be pushed back to the stream as soon as {@link #decode} returns. Not thread-safe (keeps a scratch array).
 */
final class StripDecoder {
    private final StripGeometry geometry;
    private final byte[] scratch;

    StripDecoder(StripGeometry geometry) {
        this.geometry = geometry;
        this.scratch = geometry.format().bytesPerPixel() == 1 ? new byte[Math.toIntExact(geometry.bytesPerBuffer())]
                : new byte[0];
    }

    /** @param data start of the buffer's image data, at least {@link StripGeometry#bytesPerBuffer()} bytes */
    Image decode(Pointer data) {
        int w = geometry.widthPx();
        int h = geometry.linesPerBuffer();
        int n = w * h;
        short[] samples = new short[n];
        if (geometry.format().bytesPerPixel() == 1) {
            data.read(0, scratch, 0, n);
            for (int i = 0; i < n; i++) {
                samples[i] = (short) (scratch[i] & 0xFF);
            }
        } else {
            data.getByteBuffer(0, 2L * n).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        }
        return new Image(w, h, 1, geometry.format().imageBitDepth(), samples);
    }
}
