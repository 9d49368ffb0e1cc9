package io.aoi.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes minimal uncompressed single-strip TIFF files byte by byte, for pixel formats the JDK writer cannot
 * produce (12-bit packed gray, CMYK).
 */
final class HandMadeTiff {
    private HandMadeTiff() {
    }

    /**
     * @param bitsPerSample bits of each sample (all samples alike)
     * @param samples       samples per pixel
     * @param photometric   TIFF PhotometricInterpretation (1 = BlackIsZero, 2 = RGB, 5 = Separated/CMYK)
     * @param pixelData     the packed pixel bytes, rows padded to whole bytes
     */
    static void write(Path file, int width, int height, int bitsPerSample, int samples, int photometric,
            byte[] pixelData) throws IOException {
        int entries = 9;
        int ifdOffset = 8;
        int ifdSize = 2 + entries * 12 + 4;
        int bitsOffset = ifdOffset + ifdSize;
        int dataOffset = bitsOffset + 2 * samples;
        ByteBuffer b = ByteBuffer.allocate(dataOffset + pixelData.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
        b.putShort((short) entries);
        entry(b, 256, 3, 1, width);
        entry(b, 257, 3, 1, height);
        if (samples == 1) {
            entry(b, 258, 3, 1, bitsPerSample);
        } else {
            entry(b, 258, 3, samples, bitsOffset);
        }
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, photometric);
        entry(b, 273, 4, 1, dataOffset);
        entry(b, 277, 3, 1, samples);
        entry(b, 278, 3, 1, height);
        entry(b, 279, 4, 1, pixelData.length);
        b.putInt(0);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) bitsPerSample);
        }
        b.put(pixelData);
        Files.write(file, b.array());
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }
}
