package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void mono12LittleEndianWordsAreScaledToSixteenBitFullScale() {
        int w = 5;
        int h = 2;
        Random rnd = new Random(7);
        int[] values = new int[w * h];
        byte[] raw = new byte[2 * values.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == 0 ? 4095 : i == 1 ? 0 : rnd.nextInt(4096);
            raw[2 * i] = (byte) (values[i] & 0xFF);
            raw[2 * i + 1] = (byte) (values[i] >>> 8);
        }
        Image img = new StripDecoder(new StripGeometry(w, h, MonoFormat.MONO12, 0)).decode(raw);
        assertEquals(16, img.bitDepth());
        assertEquals(65535, img.sample(0, 0, 0), "the sensor's full scale is the image's");
        assertEquals(0, img.sample(1, 0, 0));
        for (int i = 0; i < values.length; i++) {
            int scaled = img.sample(i % w, i / w, 0);
            assertEquals(values[i] / 4095.0, scaled / 65535.0, 0.5 / 4095, "the same fraction of full scale");
            assertEquals(values[i], scaled >> 4, "the raw value is the top 12 bits");
        }
    }

    @Test
    void mono10ScalesEveryValueInOrderAndAWordAboveFullScaleCountsAsFullScale() {
        short[] samples = new short[1026];
        for (int v = 0; v < 1024; v++) {
            samples[v] = (short) v;
        }
        samples[1024] = (short) 0x0400; // the 11th bit set: above Mono10's full scale
        samples[1025] = (short) 0xFFFF;
        StripDecoder.toFullScale(samples, 10);
        for (int v = 1; v < 1024; v++) {
            assertTrue((samples[v] & 0xFFFF) > (samples[v - 1] & 0xFFFF), "order kept at " + v);
        }
        assertEquals(0, samples[0]);
        assertEquals(65535, samples[1023] & 0xFFFF);
        assertEquals(65535, samples[1024] & 0xFFFF);
        assertEquals(65535, samples[1025] & 0xFFFF);
    }

    @Test
    void mono16FullRangeSurvives() {
        byte[] raw = {(byte) 0xFF, (byte) 0xFF, 0x34, 0x12};
        Image img = new StripDecoder(new StripGeometry(2, 1, MonoFormat.MONO16, 0)).decode(raw);
        assertEquals(65535, img.sample(0, 0, 0));
        assertEquals(0x1234, img.sample(1, 0, 0));
    }
}
