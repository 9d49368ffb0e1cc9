package io.aoi.plugin.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void elapse(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void plainOutputPrintsOneLinePerIntervalWithTheEta() {
        Progress p = new Progress("evaluate", 4, out, false, clock::get, Duration.ofSeconds(10));
        elapse(Duration.ofSeconds(5));
        p.step(); // 5 s < interval: nothing yet
        assertEquals("", printed());
        elapse(Duration.ofSeconds(10));
        p.step(); // 2 of 4 after 15 s: 7.5 s per step, 2 left
        assertEquals("evaluate: 2/4 (50 %), 15s elapsed, ETA 15s" + System.lineSeparator(), printed());
        p.close();
        p.close();
        assertTrue(printed().endsWith("evaluate: 2/4 done in 15s" + System.lineSeparator()), printed());
        assertEquals(2, printed().lines().count(), "close is idempotent");
    }

    @Test
    void terminalOutputRedrawsOneLineInPlace() {
        Progress p = new Progress("deblur", 3, out, true, clock::get, Duration.ofSeconds(10));
        elapse(Duration.ofSeconds(61));
        p.step();
        assertTrue(printed().startsWith("\rdeblur: 1/3 (33 %), 1m01s elapsed, ETA 2m02s"), printed());
        assertTrue(!printed().contains("\n"), "a terminal line is redrawn, not appended");
    }

    @Test
    void beforeTheFirstStepTheEtaIsUnknownAndStepsNeverExceedTheTotal() {
        Progress p = new Progress("tune", 2, out, false, clock::get, Duration.ofSeconds(10));
        assertEquals("tune: 0/2 (0 %), 0s elapsed, ETA unknown", p.line(clock.get()));
        p.advance(5);
        assertEquals(2, p.done());
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertEquals("59s", Progress.duration(Duration.ofSeconds(59).toNanos()));
        assertEquals("2m05s", Progress.duration(Duration.ofSeconds(125).toNanos()));
        assertEquals("1h01m", Progress.duration(Duration.ofMinutes(61).toNanos()));
    }

    @Test
    void silentProgressCountsButPrintsNothing() {
        Progress p = Progress.silent();
        p.step();
        p.close();
        assertEquals(0, p.done(), "a silent progress has no total to count towards");
    }
}
