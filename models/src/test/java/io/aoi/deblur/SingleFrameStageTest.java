package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class SingleFrameStageTest {

    /** Adds the number of passes to every sample. */
    private static class AddPasses implements Deblurrer {
        boolean closed;

        @Override
        public String name() {
            return "add";
        }

        @Override
        public Image deblur(Image frame, int passes) {
            short[] s = frame.samples().clone();
            for (int i = 0; i < s.length; i++) {
                s[i] = (short) (s[i] + passes);
            }
            return new Image(frame.width(), frame.height(), frame.channels(), frame.bitDepth(), s);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void returnsEachFrameAtOnceWithItsTagAndThePasses() throws DeblurException {
        AddPasses d = new AddPasses();
        try (SingleFrameStage<String> stage = new SingleFrameStage<>(d, 2)) {
            assertEquals(0, stage.delayFrames());
            List<Restored<String>> out = stage.accept("f7", new Image(1, 1, 1, 8, new short[] {10}));
            assertEquals(1, out.size());
            assertEquals("f7", out.get(0).tag());
            assertEquals(12, out.get(0).image().sample(0, 0, 0));
            assertTrue(stage.endRun().isEmpty());
        }
        assertTrue(d.closed);
    }

    @Test
    void carriesTheDefocusEstimateOfTheDeblurrer() throws DeblurException {
        Deblurrer estimating = new AddPasses() {
            @Override
            public Restoration restore(Image frame, int passes) {
                return new Restoration(deblur(frame, passes), java.util.OptionalDouble.of(1.75));
            }
        };
        try (SingleFrameStage<String> stage = new SingleFrameStage<>(estimating, 1);
             SingleFrameStage<String> plain = new SingleFrameStage<>(new AddPasses(), 1)) {
            Image frame = new Image(1, 1, 1, 8, new short[] {10});
            assertEquals(1.75, stage.accept("a", frame).get(0).defocusSigmaPx().orElseThrow(), 0.0);
            assertTrue(plain.accept("b", frame).get(0).defocusSigmaPx().isEmpty());
        }
    }

    @Test
    void rejectsPassesOutsideZeroToThree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SingleFrameStage<String>(new AddPasses(), 4));
        assertTrue(e.getMessage().contains("0 to 3"), e.getMessage());
    }
}
