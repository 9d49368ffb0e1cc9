package io.aoi.plugin.pipeline;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurOutputException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Restored;
import io.aoi.deblur.spi.ModelNeeds;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.image.Image;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the station's current deblur recipe over the stream of frames. The recipe is read for every frame, as one
 * {@link RecipeSnapshot} (revision id and settings together): a changed pass count applies from the next frame on,
 * and a changed model ends the current run of the old model (restoring the frames it still holds) before the new
 * one is opened. Every output and failure names the revision whose settings were in the model when it ran
 * ({@link AppliedRecipe}): a frame the old model returns on a switch carries the old revision.
 *
 * <p>Single-frame models return each frame at once; a multi-frame model (the motion model) returns each frame
 * one frame late and the held frame at the end of a run. The passes a frame is restored with are the recipe's, as
 * far as the model takes passes ({@link ModelNeeds#passesFor}). Every accepted frame comes back exactly once, in a
 * {@link Batch}: restored, or failed with the reason.
 *
 * <p>A frame whose size, channels or bit depth differ from the previous frame's starts a new run, so a
 * multi-frame model returns the frame it holds instead of losing it.
 *
 * <p>Threads: opened by the station's starting thread, then used by the pipeline's deblur thread only.
 * {@link #close()} and {@link #abortRunning()} may come from another thread while a frame is being restored: close
 * waits up to {@link #CLOSE_WAIT} for that frame, then aborts it ({@link DeblurStage#abort()}) and waits once more;
 * a model that cannot be aborted is left to be released when the process ends (a native model must not be freed
 * under a running call). close is idempotent.
 *
 * @param <T> the caller's tag of a frame
 */
public final class RecipeDeblurStage<T> implements AutoCloseable {

    /**
     * Opens the stream stage for a recipe; {@code passes} is read for every frame. The recipe's model is an
     * installed one: its provider's needs decide the passes the frames get ({@link ModelNeeds#passesFor}).
     */
    @FunctionalInterface
    public interface Opener<T> {
        DeblurStage<T> open(DeblurSettings settings, IntSupplier passes) throws DeblurException;
    }

    /**
     * A restored frame, with the recipe revision, model and passes that restored it and the model's defocus
     * estimate (sigma of the equivalent Gaussian, px; NaN when the model makes none).
     */
    public record Output<T>(T tag, Image image, AppliedRecipe applied, double defocusSigmaPx) {
        public String modelName() {
            return applied.modelName();
        }

        public int passes() {
            return applied.passes();
        }
    }

    /**
     * Frames the model could not restore, and why.
     *
     * @param recipeId       the recipe revision whose settings the model ran (or was to run) with
     * @param unusableOutput the model ran but its output is not finite or out of range
     *                       ({@link DeblurOutputException}): the frames get no decision rather than a failure
     */
    public record Failure<T>(String recipeId, List<T> tags, String reason, boolean unusableOutput) {
        Failure(String recipeId, List<T> tags, Exception cause) {
            this(recipeId, tags, cause.getMessage(), cause instanceof DeblurOutputException);
        }
    }

    /** How long {@link #close()} waits for a frame being restored. */
    public static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RecipeDeblurStage.class);

    /** What one call finished: restored frames (oldest first) and failed ones. */
    public record Batch<T>(List<Output<T>> restored, List<Failure<T>> failed) {
        public Batch {
            restored = List.copyOf(restored);
            failed = List.copyOf(failed);
        }
    }

    private final Supplier<RecipeSnapshot> recipe;
    private final Opener<T> opener;
    private final Deque<T> inFlight = new ArrayDeque<>();
    private final ReentrantLock running = new ReentrantLock();
    private volatile DeblurStage<T> current;
    private DeblurModel currentModel;
    private ModelNeeds currentNeeds;
    private int passesNow;
    /** The revision whose settings the open model runs with; null before the first open. */
    private RecipeSnapshot applied;
    private String lastFormat = "";
    private volatile boolean closed;

    /** @param recipe the recipe in force now, read once per frame (any thread may change what it returns) */
    public RecipeDeblurStage(Supplier<RecipeSnapshot> recipe, Opener<T> opener) {
        this.recipe = recipe;
        this.opener = opener;
    }

    /**
     * Opens the model the recipe names now, if it is not open yet; the station calls this at start so that a
     * missing or broken model stops the start instead of failing every frame.
     */
    public void open() throws DeblurException {
        running.lock();
        try {
            openFor(recipe.get());
        } finally {
            running.unlock();
        }
    }

    /** Opens the snapshot's model if none is open, and makes the snapshot the revision the model runs with. */
    private void openFor(RecipeSnapshot snapshot) throws DeblurException {
        DeblurSettings settings = snapshot.settings();
        if (current == null) {
            ModelNeeds needs = Deblurrers.needs(settings.model());
            current = opener.open(settings, () -> passesNow);
            currentModel = settings.model();
            currentNeeds = needs;
        }
        applied = snapshot;
        passesNow = currentNeeds.passesFor(settings.iterations());
    }

    /**
     * @param newRun the frame does not continue the previous one (first frame, or after a gap): multi-frame
     *               models restart their window
     */
    public Batch<T> accept(T tag, Image frame, boolean newRun) {
        running.lock();
        try {
            List<Output<T>> restored = new ArrayList<>();
            List<Failure<T>> failed = new ArrayList<>();
            if (closed) {
                failed.add(new Failure<>(recipe.get().recipeId(), List.of(tag),
                        "the deblur model is closed (station stopping)", false));
                return new Batch<>(restored, failed);
            }
            RecipeSnapshot snapshot = recipe.get();
            DeblurSettings settings = snapshot.settings();
            boolean switching = current != null && !currentModel.equals(settings.model());
            String format = frame.width() + "x" + frame.height() + "x" + frame.channels() + "@" + frame.bitDepth();
            boolean formatChanged = !lastFormat.isEmpty() && !lastFormat.equals(format);
            lastFormat = format;
            if (current != null && (newRun || switching || formatChanged)) {
                endRunInto(restored, failed);
            }
            if (switching) {
                closeModel();
            }
            try {
                openFor(snapshot);
                List<Restored<T>> done = current.accept(tag, frame);
                inFlight.add(tag);
                restored.addAll(outputs(done));
            } catch (DeblurException | RuntimeException e) {
                failed.add(new Failure<>(snapshot.recipeId(), List.of(tag), e));
            }
            return new Batch<>(restored, failed);
        } finally {
            running.unlock();
        }
    }

    /** Restores and returns the frames the model still holds; the next frame starts a new run. */
    public Batch<T> endRun() {
        running.lock();
        try {
            List<Output<T>> restored = new ArrayList<>();
            List<Failure<T>> failed = new ArrayList<>();
            if (!closed) {
                endRunInto(restored, failed);
            }
            return new Batch<>(restored, failed);
        } finally {
            running.unlock();
        }
    }

    private void endRunInto(List<Output<T>> restored, List<Failure<T>> failed) {
        if (current == null || inFlight.isEmpty()) {
            return;
        }
        try {
            restored.addAll(outputs(current.endRun()));
        } catch (DeblurException | RuntimeException e) {
            failed.add(new Failure<>(applied.recipeId(), List.copyOf(inFlight), e));
            inFlight.clear();
        }
    }

    private List<Output<T>> outputs(List<Restored<T>> done) {
        List<Output<T>> out = new ArrayList<>(done.size());
        for (Restored<T> r : done) {
            inFlight.remove(r.tag());
            out.add(new Output<>(r.tag(), r.image(), new AppliedRecipe(applied.recipeId(), current.name(), passesNow),
                    r.defocusSigmaPx().orElse(Double.NaN)));
        }
        return out;
    }

    /**
     * Makes the model's call in progress (on the deblur thread) end soon with a failure, and every later call
     * fail: for a station that is stopping. Any thread.
     */
    public void abortRunning() {
        closed = true;
        DeblurStage<T> stage = current;
        if (stage != null) {
            stage.abort();
        }
    }

    @Override
    public void close() {
        boolean idle = awaitIdle();
        if (!idle) {
            abortRunning();
            idle = awaitIdle();
        }
        if (!idle) {
            closed = true;
            LOG.warn("deblur model still restoring a frame after {}; it is released when the process ends",
                    CLOSE_WAIT);
            return;
        }
        try {
            closed = true;
            closeModel();
        } finally {
            running.unlock();
        }
    }

    private boolean awaitIdle() {
        try {
            return running.tryLock(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeModel() {
        if (current != null) {
            current.close();
            current = null;
            currentModel = null;
            currentNeeds = null;
        }
    }
}
