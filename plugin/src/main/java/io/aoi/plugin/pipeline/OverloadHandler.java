package io.aoi.plugin.pipeline;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The station's {@code deblur.overload} policy: what becomes of a frame that finds the deblur stage busy (its queue
 * full). {@link #dropping()} records it as dropped; {@link #withFallback} restores it with a cheaper deblurrer so
 * that it is still inspected.
 *
 * <p>Called from the pipeline's capture thread only (the fallback deblurrer is used one frame at a time). Owns the
 * fallback deblurrer: {@link #close()} closes it and is idempotent.
 */
public final class OverloadHandler implements AutoCloseable {

    /** What to do with the frame. */
    public sealed interface Decision {
        /** Record the frame as dropped. */
        record Drop(String reason) implements Decision {
        }

        /**
         * Inspect these restored pixels; {@code fallbackName} goes into the result, {@code recipeModel} is the
         * configured model it stood in for.
         */
        record Fallback(Image restored, String fallbackName, String recipeModel, double deblurMillis)
                implements Decision {
        }

        /** The fallback deblurrer failed on this frame. */
        record Failed(String reason) implements Decision {
        }
    }

    private final Optional<Deblurrer> fallback;
    private final Supplier<String> recipeModel;
    private boolean closed;

    private OverloadHandler(Optional<Deblurrer> fallback, Supplier<String> recipeModel) {
        this.fallback = fallback;
        this.recipeModel = recipeModel;
    }

    /** {@code overload: drop}. */
    public static OverloadHandler dropping() {
        return new OverloadHandler(Optional.empty(), () -> "");
    }

    /**
     * {@code overload: fallback}: frames the deblur stage cannot take are restored by {@code cheap} (owned).
     *
     * @param recipeModel the configured model's name now (read per frame, any thread), for the result
     */
    public static OverloadHandler withFallback(Deblurrer cheap, Supplier<String> recipeModel) {
        return new OverloadHandler(Optional.of(Objects.requireNonNull(cheap, "cheap")),
                Objects.requireNonNull(recipeModel, "recipeModel"));
    }

    /**
     * @param image   the captured frame's pixels
     * @param waiting frames waiting in front of the deblur stage, for the reason
     */
    public Decision decide(Image image, int waiting) {
        String busy = "deblur stage overloaded: " + waiting + " frames waiting";
        if (fallback.isEmpty() || closed) {
            return new Decision.Drop(busy);
        }
        Deblurrer cheap = fallback.get();
        long t0 = System.nanoTime();
        try {
            Image restored = cheap.deblur(image, 1);
            return new Decision.Fallback(restored, cheap.name(), recipeModel.get(), (System.nanoTime() - t0) / 1e6);
        } catch (DeblurException | RuntimeException e) {
            return new Decision.Failed(busy + "; fallback " + cheap.name() + " failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            fallback.ifPresent(Deblurrer::close);
        }
    }
}
