package io.aoi.camera;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineRateMeterTest {
    private static final long MS = 1_000_000L;

    /** 16 lines every 10 ms from t = 1 s to t = 3 s: 1600 lines/s. */
    private static LineRateMeter steady() {
        LineRateMeter meter = new LineRateMeter();
        for (long t = 1000 * MS; t <= 3000 * MS; t += 10 * MS) {
            meter.record(t, 16);
        }
        return meter;
    }

    @Test
    void readsTheRateOverTheLastSecond() {
        assertEquals(1600.0, steady().linesPerSecond(3000 * MS), 1e-9);
    }

    @Test
    void aQuietSourceReadsZeroButTheRateAtItsLastDeliveryIsKept() {
        LineRateMeter meter = steady();
        assertEquals(0.0, meter.linesPerSecond(8000 * MS), "five seconds after the last delivery");
        // the reading above must not have forgotten the deliveries before the silence
        assertEquals(1600.0, meter.linesPerSecond(3000 * MS), 1e-9);
    }

    @Test
    void resetForgetsEverything() {
        LineRateMeter meter = steady();
        meter.reset();
        assertEquals(0.0, meter.linesPerSecond(3000 * MS));
        meter.record(4000 * MS, 16);
        assertEquals(0.0, meter.linesPerSecond(4000 * MS), "one delivery gives no rate");
        meter.record(4010 * MS, 16);
        assertEquals(1600.0, meter.linesPerSecond(4010 * MS), 1e-9);
    }
}
