package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.image.Image;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StripDecoderTest {

    @Test
    void mono8BytesBecomeUnsignedEightBitSamples() {
        int w = 7;
        int h = 3;
        byte[] raw = new byte[w * h];
        new Random(42).nextBytes(raw);
        Image img = new StripDecoder(new StripGeometry(w, h, MonoFormat.MONO8, 0)).decode(raw);
        assertEquals(8, img.bitDepth());
        for (int i = 0; i < raw.length; i++) {
            assertEquals(raw[i] & 0xFF, img.sample(i % w, i / w, 0));
        }
    }

    @Test
    void mono12LittleEndianWordsKeepTheirRawValuesInTheLowBits() {
        int w = 5;
        int h = 2;
        Random rnd = new Random(7);
        int[] values = new int[w * h];
        byte[] raw = new byte[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = rnd.nextInt(4096);
            raw[2 * i] = (byte) (values[i] & 0xFF);
            raw[2 * i + 1] = (byte) (values[i] >>> 8);
        }
        Image img = new StripDecoder(new StripGeometry(w, h, MonoFormat.MONO12, 0)).decode(raw);
        assertEquals(16, img.bitDepth());
        for (int i = 0; i < values.length; i++) {
            assertEquals(values[i], img.sample(i % w, i / w, 0));
        }
    }

    @Test
    void mono16FullRangeSurvives() {
        byte[] raw = {(byte) 0xFF, (byte) 0xFF, 0x34, 0x12};
        Image img = new StripDecoder(new StripGeometry(2, 1, MonoFormat.MONO16, 0)).decode(raw);
        assertEquals(65535, img.sample(0, 0, 0));
        assertEquals(0x1234, img.sample(1, 0, 0));
    }
}
