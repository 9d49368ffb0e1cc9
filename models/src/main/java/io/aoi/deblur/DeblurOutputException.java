package io.aoi.deblur;

/**
 * A model ran but its output cannot be trusted: samples that are not finite, or too many far outside the range of
 * a frame. Such a frame must get no decision: clipped to the bit depth, NaN becomes black and a black frame holds
 * no particle to call NG.
 */
public final class DeblurOutputException extends DeblurException {
    private static final long serialVersionUID = 1L;

    public DeblurOutputException(String message) {
        super(message);
    }
}
