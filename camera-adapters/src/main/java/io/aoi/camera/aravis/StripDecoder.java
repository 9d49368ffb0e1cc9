package io.aoi.camera.aravis;

import io.aoi.image.Image;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies an Aravis buffer's pixels into a new {@link Image}: Mono8 into an 8-bit image, Mono16 (little-endian,
 * unpacked, as GenICam defines it) into a 16-bit image with the raw values, and Mono10 and Mono12 into a 16-bit image
 * scaled to its full scale, so that the sensor's full scale (1023 or 4095) is 65535 and everything downstream
 * (saturation, contrast, the models) reads fractions of what the sensor can deliver. The scaling repeats the top
 * bits in the low ones ({@code v << 4 | v >> 8} for Mono12): 0 stays 0, full scale becomes 65535, and the order
 * of values is kept. A Mono10/12 word above its full scale (its unused high bits set) counts as full scale. The
 * buffer can be given back to the stream as soon as {@link #decode} returns. Not thread-safe (keeps a scratch
 * array).
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
            int bits = geometry.format().significantBits();
            if (bits < 16) {
                toFullScale(samples, bits);
            }
        }
        return new Image(w, h, 1, geometry.format().imageBitDepth(), samples);
    }

    /** Scales samples of {@code bits} significant bits (9 to 15) to 16 bits in place; see the class comment. */
    static void toFullScale(short[] samples, int bits) {
        int max = (1 << bits) - 1;
        int up = 16 - bits;
        int down = bits - up;
        for (int i = 0; i < samples.length; i++) {
            int v = Math.min(samples[i] & 0xFFFF, max);
            samples[i] = (short) (v << up | v >> down);
        }
    }
}
