package io.aoi.deblur;

/**
 * Smoothing of the per-frame blur kernel over consecutive frames of a line (defocus drifts slowly along a
 * panel): the kernel used for frame n is {@code w * estimate(n) + (1 - w) * used(n - 1)}, an exponential moving
 * average with {@code w = newFrameWeight}. Applies to the first pass only (later passes estimate on restored
 * frames). Only meaningful when frames arrive in capture order; for unrelated images use {@link #NONE}.
 *
 * @param newFrameWeight weight of the current frame's estimate, more than 0 and at most 1 (1 = no smoothing)
 */
public record KernelSmoothing(double newFrameWeight) {
    /** No smoothing: every frame uses its own estimate. */
    public static final KernelSmoothing NONE = new KernelSmoothing(1.0);

    public KernelSmoothing {
        if (!(newFrameWeight > 0) || newFrameWeight > 1) {
            throw new IllegalArgumentException("newFrameWeight = " + newFrameWeight
                    + "; allowed: more than 0 and at most 1 (1 = no smoothing)");
        }
    }

    /** The smoothed kernel from the previous one (null at the start of a line) and this frame's estimate. */
    public BlurKernel apply(BlurKernel previous, BlurKernel estimate) {
        if (previous == null || newFrameWeight == 1.0) {
            return estimate;
        }
        if (previous.sidePx() != estimate.sidePx()) {
            throw new IllegalArgumentException("kernels of sides " + previous.sidePx() + " and "
                    + estimate.sidePx() + " px; allowed: one side");
        }
        float[] a = previous.taps();
        float[] b = estimate.taps();
        float[] out = new float[a.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((1 - newFrameWeight) * a[i] + newFrameWeight * b[i]);
        }
        return new BlurKernel(estimate.sidePx(), out);
    }
}
