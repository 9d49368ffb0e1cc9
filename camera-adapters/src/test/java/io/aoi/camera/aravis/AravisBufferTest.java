package io.aoi.camera.aravis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The buffer view over real Aravis buffers: one filled by the simulated {@code Fake_1}, one never filled. */
class AravisBufferTest {
    private static final int WIDTH = 64;
    private static final int LINES = 8;

    @Test
    void aFakeCameraBufferAnswersItsGeometryAndCopiesTheCamerasRamp() throws Exception {
        // Fake_1 fills Mono8 buffers with ((x + y + frame id) % 255) * scale, where scale is
        // 1 + gain + log10(exposure / 10 ms): exactly 1 at gain 0 and 10 ms of exposure.
        try (AravisSession session = AravisSession.open(AravisNative.library(),
                TestSettings.camera("Fake_1", WIDTH, LINES, LINES * 50.0, "Mono8").withGainDb(0)
                        .withExposureMicros(10_000))) {
            session.startAcquisition();
            Optional<AravisBuffer> popped = Optional.empty();
            for (int attempt = 0; attempt < 20 && popped.isEmpty(); attempt++) {
                popped = session.stream().pop(200_000);
            }
            assertTrue(popped.isPresent(), "Fake_1 delivered no buffer in 4 s");
            try (AravisBuffer buffer = popped.get()) {
                assertTrue(buffer.complete(), buffer.statusName());
                assertEquals("SUCCESS", buffer.statusName());
                assertEquals(WIDTH, buffer.widthPx());
                assertEquals(LINES, buffer.heightPx());
                assertEquals(MonoFormat.MONO8.pfncCode(), buffer.pixelFormat());
                assertEquals(WIDTH * LINES, buffer.payloadBytes());
                byte[] rows = new byte[WIDTH * LINES];
                buffer.copyRows(LINES, WIDTH, rows);
                long frameId = buffer.frameId();
                for (int y = 0; y < LINES; y++) {
                    for (int x = 0; x < WIDTH; x++) {
                        assertEquals((x + y + frameId) % 255, rows[y * WIDTH + x] & 0xFF, "pixel " + x + "," + y);
                    }
                }
                IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                        () -> buffer.copyRows(LINES + 1, WIDTH, new byte[WIDTH * (LINES + 1)]));
                assertTrue(tooMany.getMessage().contains("holds " + WIDTH * LINES + " bytes"), tooMany.getMessage());
                IllegalArgumentException tooSmall = assertThrows(IllegalArgumentException.class,
                        () -> buffer.copyRows(LINES, WIDTH, new byte[WIDTH]));
                assertTrue(tooSmall.getMessage().contains("do not fit an array of " + WIDTH + " bytes"),
                        tooSmall.getMessage());
            }
        }
    }

    @Test
    void anUnfilledBufferHoldsNoPayloadAndIsGivenBackExactlyOnce() throws Exception {
        AravisLibrary lib = AravisNative.library();
        try (Memory data = new Memory(WIDTH)) {
            Pointer raw = lib.arv_buffer_new(WIDTH, data);
            try {
                List<Pointer> givenBack = new ArrayList<>();
                AravisBuffer buffer = new AravisBuffer(lib, raw, givenBack::add);
                assertFalse(buffer.complete());
                assertEquals("CLEARED", buffer.statusName());
                assertEquals(0, buffer.payloadBytes());
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> buffer.copyRows(1, WIDTH, new byte[WIDTH]));
                assertTrue(e.getMessage().contains("holds 0 bytes"), e.getMessage());
                buffer.close();
                buffer.close();
                assertEquals(List.of(raw), givenBack);
                IllegalStateException closed = assertThrows(IllegalStateException.class, buffer::status);
                assertTrue(closed.getMessage().contains("given back"), closed.getMessage());
            } finally {
                lib.g_object_unref(raw);
            }
        }
    }
}
