package io.aoi.deblur;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Runs a single-frame {@link Deblurrer} as a {@link DeblurStage} with no delay, through
 * {@link Deblurrer#restore}, so each {@link Restored} carries the model's defocus estimate. Owns the deblurrer.
 */
public final class SingleFrameStage<T> implements DeblurStage<T> {
    private final Deblurrer deblurrer;
    private final IntSupplier passes;
    private boolean closed;

    /**
     * @param deblurrer closed with this stage
     * @param passes    passed to {@link Deblurrer#deblur(Image, int)} for every frame, 0 to 3
     */
    public SingleFrameStage(Deblurrer deblurrer, int passes) {
        this(deblurrer, checked(passes));
    }

    /**
     * @param deblurrer closed with this stage
     * @param passes    read for every frame, so that a changed pass count applies from the next frame on;
     *                  called on the caller's thread
     */
    public SingleFrameStage(Deblurrer deblurrer, IntSupplier passes) {
        this.deblurrer = Objects.requireNonNull(deblurrer, "deblurrer");
        this.passes = Objects.requireNonNull(passes, "passes");
    }

    private static IntSupplier checked(int passes) {
        if (passes < 0 || passes > 3) {
            throw new IllegalArgumentException("passes = " + passes + "; allowed: 0 to 3");
        }
        return () -> passes;
    }

    @Override
    public String name() {
        return deblurrer.name();
    }

    @Override
    public int delayFrames() {
        return 0;
    }

    @Override
    public List<Restored<T>> accept(T tag, Image frame) throws DeblurException {
        checkOpen();
        Restoration r = deblurrer.restore(frame, passes.getAsInt());
        return List.of(new Restored<>(tag, r.image(), r.defocusSigmaPx()));
    }

    /** The wrapped deblurrer's estimate for the last frame, when it makes one. */
    @Override
    public double lastDefocusSigmaPx() {
        return DefocusEstimating.of(deblurrer);
    }

    @Override
    public List<Restored<T>> endRun() {
        checkOpen();
        return List.of();
    }

    @Override
    public void abort() {
        deblurrer.abort();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            deblurrer.close();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("stage " + deblurrer.name() + " is closed");
        }
    }
}
