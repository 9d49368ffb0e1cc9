package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.aoi.image.Image;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CapturedFramesTest {
    private static final BumpFinder.Found NONE = new BumpFinder.Found(List.of(), List.of(), false);

    @Test
    void eachValueIsFoundOncePerFrameInstanceUntilLaterFramesPushTheFrameOut() {
        CapturedFrames memo = new CapturedFrames();
        AtomicInteger estimates = new AtomicInteger();
        AtomicInteger finds = new AtomicInteger();
        Image first = Image.blank(8, 8, 1, 8);
        BumpFinder.Found found = new BumpFinder.Found(List.of(new BumpRegion("b1", 1, 1, 4, 4)), List.of(), true);
        assertSame(found, memo.bumps(first, () -> {
            finds.incrementAndGet();
            return found;
        }));
        assertSame(found, memo.bumps(first, () -> NONE), "found once");
        assertEquals(41.5, memo.angleDeg(first, () -> estimates.incrementAndGet() + 40.5));
        assertEquals(41.5, memo.angleDeg(first, () -> estimates.incrementAndGet() + 40.5), "estimated once");
        assertEquals(-7, memo.angleDeg(Image.blank(8, 8, 1, 8), () -> -7), "an equal frame is another frame");
        for (int i = 2; i < CapturedFrames.CAPACITY; i++) {
            memo.angleDeg(Image.blank(8, 8, 1, 8), () -> 0);
        }
        assertEquals(41.5, memo.angleDeg(first, () -> 99), "still one of the last " + CapturedFrames.CAPACITY);
        assertSame(found, memo.bumps(first, () -> NONE));
        memo.angleDeg(Image.blank(8, 8, 1, 8), () -> 0);
        assertEquals(99, memo.angleDeg(first, () -> 99), "the oldest is forgotten");
        assertSame(NONE, memo.bumps(first, () -> NONE), "with its bumps");
        assertEquals(1, estimates.get());
        assertEquals(1, finds.get());
    }
}
