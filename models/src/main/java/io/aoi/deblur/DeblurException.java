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

    /**
     * For work done on another thread: throws {@code failure} as it is when it is a DeblurException, an unchecked
     * exception or an error, any other in an {@link IllegalStateException} saying "{@code what} failed"; returns
     * when it is null.
     */
    public static void rethrow(Throwable failure, String what) throws DeblurException {
        if (failure instanceof DeblurException d) {
            throw d;
        }
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(what + " failed: " + failure, failure);
        }
    }
}
