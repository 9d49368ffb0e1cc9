package io.aoi.deblur.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Restored;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {

    /** Frame k is a 2x1 image holding k; the fake model answers 100 * previous + 10 * current + next. */
    private static Image frame(int k) {
        return new Image(2, 1, 1, 16, new short[] {(short) k, (short) k});
    }

    private static final class RecordingModel implements TripletDeblurrer {
        final List<String> calls = new ArrayList<>();
        boolean closed;
        boolean fail;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Image deblur(Image previous, Image current, Image next) throws DeblurException {
            if (fail) {
                throw new DeblurException("model failed on purpose");
            }
            int p = previous.sample(0, 0, 0);
            int c = current.sample(0, 0, 0);
            int n = next.sample(0, 0, 0);
            calls.add(p + "," + c + "," + n);
            short v = (short) (100 * p + 10 * c + n);
            return new Image(2, 1, 1, 16, new short[] {v, v});
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static List<String> drain(SlidingWindow<Integer> w, int first, int count) throws DeblurException {
        List<String> out = new ArrayList<>();
        for (int k = first; k < first + count; k++) {
            for (Restored<Integer> r : w.accept(k, frame(k))) {
                out.add(r.tag() + ":" + r.image().sample(0, 0, 0));
            }
        }
        for (Restored<Integer> r : w.endRun()) {
            out.add(r.tag() + ":" + r.image().sample(0, 0, 0));
        }
        return out;
    }

    @Test
    void restoresEachFrameFromItsNeighboursOneFrameLateAndRepeatsTheEndFrames() throws DeblurException {
        RecordingModel model = new RecordingModel();
        try (SlidingWindow<Integer> w = new SlidingWindow<>(model)) {
            assertEquals(1, w.delayFrames());
            assertTrue(w.accept(1, frame(1)).isEmpty(), "first frame waits for its successor");
            List<Restored<Integer>> second = w.accept(2, frame(2));
            assertEquals(1, second.size());
            assertEquals(1, second.get(0).tag());
            assertEquals(List.of("1,1,2"), model.calls, "first frame uses (current, current, next)");
            w.accept(3, frame(3));
            w.accept(4, frame(4));
            List<Restored<Integer>> last = w.endRun();
            assertEquals(4, last.get(0).tag());
            assertEquals(List.of("1,1,2", "1,2,3", "2,3,4", "3,4,4"), model.calls,
                    "middle frames use (previous, current, next), the last (previous, current, current)");
            assertTrue(w.endRun().isEmpty(), "nothing is held after the end of a run");
        }
        assertTrue(model.closed, "the window owns and closes its model");
    }

    @Test
    void returnsEveryFrameOnceInOrderAndStartsAFreshRunAfterEndRun() throws DeblurException {
        try (SlidingWindow<Integer> w = new SlidingWindow<>(new RecordingModel())) {
            assertEquals(List.of("5:556", "6:567", "7:677"), drain(w, 5, 3));
            assertEquals(List.of("8:889", "9:899"), drain(w, 8, 2), "a new run does not look back at 7");
        }
    }

    @Test
    void restoresASingleFrameRunFromThatFrameAlone() throws DeblurException {
        RecordingModel model = new RecordingModel();
        try (SlidingWindow<Integer> w = new SlidingWindow<>(model)) {
            assertEquals(List.of("3:333"), drain(w, 3, 1));
            assertEquals(List.of("3,3,3"), model.calls);
        }
    }

    @Test
    void keepsItsStateWhenTheModelFails() throws DeblurException {
        RecordingModel model = new RecordingModel();
        try (SlidingWindow<Integer> w = new SlidingWindow<>(model)) {
            w.accept(1, frame(1));
            model.fail = true;
            assertThrows(DeblurException.class, () -> w.accept(2, frame(2)));
            model.fail = false;
            List<Restored<Integer>> retry = w.accept(2, frame(2));
            assertEquals(1, retry.get(0).tag());
            assertEquals(List.of("1,1,2"), model.calls);
        }
    }

    @Test
    void aFrameOfAnotherSizeEndsTheRunAndTheHeldFrameIsReturned() throws DeblurException {
        RecordingModel model = new RecordingModel();
        try (SlidingWindow<Integer> w = new SlidingWindow<>(model)) {
            w.accept(1, frame(1));
            w.accept(2, frame(2));
            List<Restored<Integer>> atChange = w.accept(3, Image.blank(3, 1, 1, 16));
            assertEquals(List.of(2), atChange.stream().map(Restored::tag).toList());
            List<Restored<Integer>> last = w.endRun();
            assertEquals(List.of(3), last.stream().map(Restored::tag).toList());
            assertEquals(List.of("1,1,2", "1,2,2", "0,0,0"), model.calls);
        }
    }

    @Test
    void closeIsIdempotentAndAClosedWindowRefusesFrames() {
        RecordingModel model = new RecordingModel();
        SlidingWindow<Integer> w = new SlidingWindow<>(model);
        w.close();
        w.close();
        assertTrue(model.closed);
        assertThrows(IllegalStateException.class, () -> w.accept(1, frame(1)));
    }
}
