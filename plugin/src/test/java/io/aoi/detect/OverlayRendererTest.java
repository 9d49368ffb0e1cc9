package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.image.Image;
import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlayRendererTest {
    @Test
    void drawsOkBumpsGreenNgBumpsRedAndParticlesOnAn8BitRgbCopy() {
        Image frame = new TestFrames(200, 100, 0.5).toImage(16);
        Detection detection = new Detection(List.of(new Particle(150.0, 50.0, 6.0, 0.9)),
                List.of(new BumpCount("A", 10, 20, 50, 40, 7, true), new BumpCount("B", 80, 20, 50, 40, 1, false)),
                Verdict.NG, 12.0);
        Image overlay = OverlayRenderer.render(frame, detection);
        assertEquals(200, overlay.width());
        assertEquals(100, overlay.height());
        assertEquals(3, overlay.channels());
        assertEquals(8, overlay.bitDepth());
        // left edge of bump A, below its label: green
        assertEquals(0, overlay.sample(10, 50, 0));
        assertEquals(200, overlay.sample(10, 50, 1));
        // left edge of bump B: red
        assertEquals(255, overlay.sample(80, 50, 0));
        assertEquals(0, overlay.sample(80, 50, 1));
        // the particle circle passes (156, 50); the background stays the frame's grey
        assertTrue(overlay.sample(156, 50, 0) > 200 && overlay.sample(156, 50, 2) < 100);
        assertEquals(frame.sample(180, 90, 0) >> 8, overlay.sample(180, 90, 1));
    }
}
