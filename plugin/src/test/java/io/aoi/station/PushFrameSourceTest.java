package io.aoi.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.image.Image;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PushFrameSourceTest {
    private static final Image IMAGE = Image.blank(8, 4, 1, 8);

    @Test
    void queuesUpToItsCapacityThenRefusesAndNumbersTheFramesItTakes() throws Exception {
        PushFrameSource source = new PushFrameSource(2);
        assertEquals(new PushOutcome.Queued(0), source.offer(IMAGE, Duration.ZERO));
        assertEquals(new PushOutcome.Queued(1), source.offer(IMAGE, Duration.ZERO));
        PushOutcome full = source.offer(IMAGE, Duration.ZERO);
        assertEquals(PushOutcome.Reason.QUEUE_FULL, assertInstanceOf(PushOutcome.Refused.class, full).reason());

        Frame first = assertInstanceOf(FrameResult.Ready.class, source.next(Duration.ofSeconds(1))).frame();
        assertEquals(0, first.frameId());
        assertEquals(0, first.overlapTopRows());
        assertEquals(IMAGE, first.image());
        assertEquals(new PushOutcome.Queued(2), source.offer(IMAGE, Duration.ZERO), "a refused push takes no id");
    }

    @Test
    void aWaitingPushGetsRoomWhenAFrameIsTaken() throws Exception {
        PushFrameSource source = new PushFrameSource(1);
        source.offer(IMAGE, Duration.ZERO);
        CompletableFuture<PushOutcome> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return source.offer(IMAGE, Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertInstanceOf(FrameResult.Ready.class, source.next(Duration.ofSeconds(1)));
        assertEquals(new PushOutcome.Queued(1), waiting.get(30, TimeUnit.SECONDS));
    }

    @Test
    void sealedItRefusesDeliversWhatItHoldsThenEndsAndHandsBackTheRest() throws Exception {
        PushFrameSource source = new PushFrameSource(4);
        source.offer(IMAGE, Duration.ZERO);
        source.offer(IMAGE, Duration.ZERO);
        source.offer(IMAGE, Duration.ZERO);
        source.seal();
        PushOutcome late = source.offer(IMAGE, Duration.ZERO);
        assertEquals(PushOutcome.Reason.CLOSED, assertInstanceOf(PushOutcome.Refused.class, late).reason());
        assertEquals(0, assertInstanceOf(FrameResult.Ready.class, source.next(Duration.ZERO)).frame().frameId());

        List<Frame> left = source.takeLeftovers();
        assertEquals(List.of(1L, 2L), left.stream().map(Frame::frameId).toList());
        assertInstanceOf(FrameResult.Ended.class, source.next(Duration.ZERO));
    }
}
