package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.config.AravisCameraSettings;
import org.junit.jupiter.api.Test;

class MonoFormatTest {

    @Test
    void acceptsExactlyTheFormatsTheSettingsAllow() throws Exception {
        assertEquals(AravisCameraSettings.PIXEL_FORMATS, MonoFormat.names());
        for (String name : AravisCameraSettings.PIXEL_FORMATS) {
            assertEquals(name, MonoFormat.fromGenicamName(name).genicamName());
        }
    }

    @Test
    void mono8IsEightBitAndTheOthersSixteen() throws Exception {
        assertEquals(8, MonoFormat.fromGenicamName("Mono8").imageBitDepth());
        assertEquals(16, MonoFormat.fromGenicamName("Mono10").imageBitDepth());
        assertEquals(10, MonoFormat.fromGenicamName("Mono10").significantBits());
        assertEquals(16, MonoFormat.fromGenicamName("Mono12").imageBitDepth());
        assertEquals(16, MonoFormat.fromGenicamName("Mono16").imageBitDepth());
    }

    @Test
    void pfncCodesCarryTheBitsPerPixel() {
        for (MonoFormat f : MonoFormat.values()) {
            assertEquals(f.bytesPerPixel() * 8, (f.pfncCode() >>> 16) & 0xFF, f.name());
        }
    }
}
