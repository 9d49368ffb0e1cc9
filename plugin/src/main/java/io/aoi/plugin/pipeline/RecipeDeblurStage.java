package io.aoi.plugin.pipeline;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Restored;
import io.aoi.image.Image;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * Runs the station's current deblur recipe over the stream of frames. The recipe is read for every frame: a
 * changed pass count applies from the next frame on, and a changed model ends the current run of the old
 * model (restoring the frames it still holds) before the new one is opened.
 *
 * <p>Single-frame models return each frame at once; the motion model returns each frame one frame late and
 * the held frame at the end of a run. Every accepted frame comes back exactly once, in a {@link Batch}: restored,
 * or failed with the reason.
 *
 * <p>Thread-confined: opened by the station's starting thread, then used by the pipeline's deblur thread only.
 * {@link #close()} is idempotent.
 *
 * @param <T> the caller's tag of a frame
 */
public final class RecipeDeblurStage<T> implements AutoCloseable {

    /** Opens the stream stage for a recipe; {@code passes} is read for every frame. */
    @FunctionalInterface
    public interface Opener<T> {
        DeblurStage<T> open(DeblurSettings settings, IntSupplier passes) throws DeblurException;
    }

    /**
     * A restored frame, with the model and passes that restored it and the model's defocus estimate (sigma of the
     * equivalent Gaussian, px; NaN when the model makes none).
     */
    public record Output<T>(T tag, Image image, String modelName, int passes, double defocusSigmaPx) {
    }

    /** Frames the model could not restore, and why. */
    public record Failure<T>(List<T> tags, String reason) {
    }

    /** What one call finished: restored frames (oldest first) and failed ones. */
    public record Batch<T>(List<Output<T>> restored, List<Failure<T>> failed) {
        public Batch {
            restored = List.copyOf(restored);
            failed = List.copyOf(failed);
        }
    }

    private final Supplier<DeblurSettings> recipe;
    private final Opener<T> opener;
    private final Deque<T> inFlight = new ArrayDeque<>();
    private DeblurStage<T> current;
    private DeblurModel currentModel;
    private int passesNow;

    public RecipeDeblurStage(Supplier<DeblurSettings> recipe, Opener<T> opener) {
        this.recipe = recipe;
        this.opener = opener;
    }

    /**
     * Opens the model the recipe names now, if it is not open yet; the station calls this at start so that a
     * missing or broken model stops the start instead of failing every frame.
     */
    public void open() throws DeblurException {
        if (current == null) {
            DeblurSettings settings = recipe.get();
            current = opener.open(settings, () -> passesNow);
            currentModel = settings.model();
        }
    }

    /**
     * @param newRun the frame does not continue the previous one (first frame, or after a gap): multi-frame
     *               models restart their window
     */
    public Batch<T> accept(T tag, Image frame, boolean newRun) {
        List<Output<T>> restored = new ArrayList<>();
        List<Failure<T>> failed = new ArrayList<>();
        DeblurSettings settings = recipe.get();
        boolean switching = current != null && currentModel != settings.model();
        if (current != null && (newRun || switching)) {
            endRunInto(restored, failed);
        }
        if (switching) {
            close();
        }
        try {
            open();
            passesNow = currentModel == DeblurModel.MOTION ? 1 : settings.iterations();
            List<Restored<T>> done = current.accept(tag, frame);
            inFlight.add(tag);
            restored.addAll(outputs(done));
        } catch (DeblurException | RuntimeException e) {
            failed.add(new Failure<>(List.of(tag), e.getMessage()));
        }
        return new Batch<>(restored, failed);
    }

    /** Restores and returns the frames the model still holds; the next frame starts a new run. */
    public Batch<T> endRun() {
        List<Output<T>> restored = new ArrayList<>();
        List<Failure<T>> failed = new ArrayList<>();
        endRunInto(restored, failed);
        return new Batch<>(restored, failed);
    }

    private void endRunInto(List<Output<T>> restored, List<Failure<T>> failed) {
        if (current == null || inFlight.isEmpty()) {
            return;
        }
        try {
            restored.addAll(outputs(current.endRun()));
        } catch (DeblurException | RuntimeException e) {
            failed.add(new Failure<>(List.copyOf(inFlight), e.getMessage()));
            inFlight.clear();
        }
    }

    private List<Output<T>> outputs(List<Restored<T>> done) {
        List<Output<T>> out = new ArrayList<>(done.size());
        double sigma = current.lastDefocusSigmaPx();
        for (Restored<T> r : done) {
            inFlight.remove(r.tag());
            out.add(new Output<>(r.tag(), r.image(), current.name(), passesNow, sigma));
        }
        return out;
    }

    /**
     * Forgets the frames the model holds and returns their tags, for a pipeline that is being torn down and
     * must still record them.
     */
    public List<T> abandon() {
        List<T> held = List.copyOf(inFlight);
        inFlight.clear();
        return held;
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
