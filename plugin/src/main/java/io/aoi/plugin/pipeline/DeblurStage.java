package io.aoi.plugin.pipeline;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.function.Supplier;

/**
 * Applies the station's current deblur recipe to frames, reopening the model when an engineer switches it
 * at run time. The iteration count is read for every frame, so a change applies from the next frame on.
 *
 * <p>Thread-confined: opened by the station's starting thread, then used by the pipeline's deblur thread only. {@link #close()} is idempotent.
 */
public final class DeblurStage implements AutoCloseable {
    private final Supplier<DeblurSettings> recipe;
    private final DeblurrerFactory factory;
    private Deblurrer current;
    private DeblurModel currentModel;

    public DeblurStage(Supplier<DeblurSettings> recipe, DeblurrerFactory factory) {
        this.recipe = recipe;
        this.factory = factory;
    }

    /** The result of one frame: the restored image and what restored it. */
    public record Restored(Image image, String modelName, int passes) {
    }

    /**
     * Opens the model the recipe names now, if it is not open yet; the station calls this at start so that a
     * missing or broken model stops the start instead of failing every frame.
     */
    public void open() throws DeblurException {
        openFor(recipe.get());
    }

    private void openFor(DeblurSettings settings) throws DeblurException {
        if (current == null || currentModel != settings.model()) {
            Deblurrer replacement = factory.open(settings);
            close();
            current = replacement;
            currentModel = settings.model();
        }
    }

    public Restored apply(Image frame) throws DeblurException {
        DeblurSettings settings = recipe.get();
        openFor(settings);
        int passes = settings.iterations();
        return new Restored(current.deblur(frame, passes), current.name(), passes);
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
            currentModel = null;
        }
    }
}
