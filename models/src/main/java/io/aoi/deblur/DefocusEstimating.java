package io.aoi.deblur;

/**
 * Implemented by deblurrers that estimate the defocus of what they restore (a blind model's kernel estimate).
 * Engine-neutral: the estimate is the sigma, in pixels, of the Gaussian equivalent to the estimated kernel.
 */
public interface DefocusEstimating {
    /**
     * The estimate for the frame the last {@link Deblurrer#deblur} call restored, in px; {@code NaN} when that call
     * made none (0 passes, nothing restored) or before the first call. Read on the thread that called deblur.
     */
    double lastDefocusSigmaPx();

    /** The estimate of {@code deblurrer} if it makes one, else {@code NaN}. */
    static double of(Deblurrer deblurrer) {
        return deblurrer instanceof DefocusEstimating e ? e.lastDefocusSigmaPx() : Double.NaN;
    }
}
