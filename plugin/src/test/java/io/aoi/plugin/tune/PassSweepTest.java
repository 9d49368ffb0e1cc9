package io.aoi.plugin.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PassSweepTest {

    /**
     * An iterative model with a pass policy like UDBD-Net's: each pass halves every sample's distance to mid-grey,
     * and a further pass runs only while some sample is still at least {@code minDistance} from it. It records
     * the pass counts it is called with.
     */
    private record HalvingModel(int minDistance, List<Integer> calls) implements Deblurrer {
        HalvingModel(int minDistance) {
            this(minDistance, new ArrayList<>());
        }

        @Override
        public String name() {
            return "halving";
        }

        @Override
        public Image deblur(Image frame, int passes) {
            calls.add(passes);
            short[] s = frame.samples().clone();
            for (int p = 0; p < passes; p++) {
                if (p > 0 && maxDistance(s) < minDistance) {
                    break;
                }
                for (int i = 0; i < s.length; i++) {
                    s[i] = (short) (128 + ((s[i] & 0xFFFF) - 128) / 2);
                }
            }
            return new Image(frame.width(), frame.height(), frame.channels(), frame.bitDepth(), s);
        }

        private static int maxDistance(short[] s) {
            int max = 0;
            for (short v : s) {
                max = Math.max(max, Math.abs((v & 0xFFFF) - 128));
            }
            return max;
        }

        @Override
        public void close() {
            // holds nothing
        }
    }

    /** Seeded noise whose samples lie at most {@code spread} from mid-grey, the largest exactly there. */
    private static Image frame(int spread, long seed) {
        Random random = new Random(seed);
        short[] s = new short[64 * 32];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) (128 - spread + random.nextInt(2 * spread + 1));
        }
        s[7] = (short) (128 + spread);
        return new Image(64, 32, 1, 8, s);
    }

    @Test
    void eachPassCountIsOneCallOnTheCapturedFrameSoTheModelsPolicyDecidesWhichPassesRun() throws Exception {
        // distance 100 -> 50 after one pass -> 25 after two; a further pass needs at least 40: only pass 2 runs more
        HalvingModel model = new HalvingModel(40);
        Image captured = frame(100, 3);

        List<PassSweep.Step> steps = PassSweep.run(model, captured, 3);

        assertEquals(List.of(1, 2, 3), model.calls, "one call per pass count, with that count");
        assertEquals(List.of(0, 1, 2, 3), steps.stream().map(PassSweep.Step::passes).toList());
        assertEquals(List.of(0, 1, 2, 2), steps.stream().map(PassSweep.Step::passesRun).toList());
        assertArrayEquals(model.deblur(captured, 2).samples(), steps.get(2).image().samples());
        assertArrayEquals(steps.get(2).image().samples(), steps.get(3).image().samples(),
                "3 passes restore what 2 do: the policy stopped");
        assertTrue(steps.get(2).addsPass(steps.get(1)));
        assertFalse(steps.get(3).addsPass(steps.get(2)));
        assertArrayEquals(captured.samples(), steps.get(0).image().samples(), "0 passes: the frame as captured");
    }

    @Test
    void aModelWhosePolicyStopsAfterOnePassAddsNoPassAtTwoOrThree() throws Exception {
        HalvingModel model = new HalvingModel(200);

        List<PassSweep.Step> steps = PassSweep.run(model, frame(100, 11), 3);

        assertEquals(List.of(0, 1, 1, 1), steps.stream().map(PassSweep.Step::passesRun).toList());
    }
}
