package io.aoi.deblur;

/** A model could not be loaded or could not run; the message names the model file or frame and why. */
public class DeblurException extends Exception {
    private static final long serialVersionUID = 1L;

    public DeblurException(String message) {
        super(message);
    }

    public DeblurException(String message, Throwable cause) {
        super(message, cause);
    }
}
