package io.aoi.plugin.pipeline;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.Locale;
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
         * Inspect these restored pixels; {@code fallbackName} goes into the result, {@code recipe} is the recipe
         * revision in force when the frame was restored and the configured model the fallback stood in for (0
         * passes of it).
         */
        record Fallback(Image restored, String fallbackName, AppliedRecipe recipe, double deblurMillis)
                implements Decision {
        }

        /** The fallback deblurrer failed on this frame. */
        record Failed(String reason) implements Decision {
        }
    }

    private final Optional<Deblurrer> fallback;
    private final Supplier<RecipeSnapshot> recipe;
    private boolean closed;

    private OverloadHandler(Optional<Deblurrer> fallback, Supplier<RecipeSnapshot> recipe) {
        this.fallback = fallback;
        this.recipe = recipe;
    }

    /** {@code overload: drop}. */
    public static OverloadHandler dropping() {
        return new OverloadHandler(Optional.empty(), () -> {
            throw new IllegalStateException("a dropping overload handler reads no recipe");
        });
    }

    /**
     * {@code overload: fallback}: frames the deblur stage cannot take are restored by {@code cheap} (owned).
     *
     * @param recipe the recipe in force now (read once per frame, any thread), for the result's recipe id and model
     */
    public static OverloadHandler withFallback(Deblurrer cheap, Supplier<RecipeSnapshot> recipe) {
        return new OverloadHandler(Optional.of(Objects.requireNonNull(cheap, "cheap")),
                Objects.requireNonNull(recipe, "recipe"));
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
        RecipeSnapshot inForce = recipe.get();
        AppliedRecipe applied = new AppliedRecipe(inForce.recipeId(),
                inForce.settings().model().name().toLowerCase(Locale.ROOT), 0);
        long t0 = System.nanoTime();
        try {
            Image restored = cheap.deblur(image, 1);
            return new Decision.Fallback(restored, cheap.name(), applied, (System.nanoTime() - t0) / 1e6);
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
