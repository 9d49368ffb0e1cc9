package io.aoi.plugin.tune;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One frame restored as a station restores it at each pass count from 0 to {@code maxPasses}: every count is a
 * call {@code deblur(frame, passes)} on the frame as captured, as the pipeline makes it, so the model's own pass
 * policy decides how many passes run (UDBD-Net runs a further pass only while the restored frame's kernel still
 * reads at least 1 px). A pass count whose frame comes out the same as with one pass fewer added no pass.
 */
public final class PassSweep {

    /**
     * The frame at one pass count.
     *
     * @param passes       the pass count asked for ({@code deblur.iterations})
     * @param passesRun    the passes that changed the frame: {@code passes} where every one ran, fewer where the
     *                     model's policy stopped early
     * @param image        the restored frame
     * @param deblurMillis time of the one call that restored it
     */
    public record Step(int passes, int passesRun, Image image, double deblurMillis) {

        /** Whether this pass count ran a pass more than the count below it (false for 0). */
        public boolean addsPass(Step fewer) {
            return passesRun > fewer.passesRun;
        }
    }

    private PassSweep() {
    }

    /** Steps for 0 to {@code maxPasses} passes, in order; step 0 is the frame as captured. */
    public static List<Step> run(Deblurrer deblurrer, Image frame, int maxPasses) throws DeblurException {
        List<Step> steps = new ArrayList<>();
        Step previous = new Step(0, 0, frame, 0);
        steps.add(previous);
        for (int passes = 1; passes <= maxPasses; passes++) {
            long t0 = System.nanoTime();
            Image restored = deblurrer.deblur(frame, passes);
            double millis = (System.nanoTime() - t0) / 1e6;
            int run = sameSamples(restored, previous.image()) ? previous.passesRun() : previous.passesRun() + 1;
            previous = new Step(passes, run, restored, millis);
            steps.add(previous);
        }
        return steps;
    }

    private static boolean sameSamples(Image a, Image b) {
        return a.width() == b.width() && a.height() == b.height() && a.channels() == b.channels()
                && a.bitDepth() == b.bitDepth() && Arrays.equals(a.samples(), b.samples());
    }
}
