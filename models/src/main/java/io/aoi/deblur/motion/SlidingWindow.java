package io.aoi.deblur.motion;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurStage;
import io.aoi.deblur.Restored;
import io.aoi.image.Image;
import java.util.List;
import java.util.Objects;

/**
 * Runs a {@link TripletDeblurrer} over a stream of frames: frame k is restored from frames k-1, k, k+1,
 * so every frame is returned one frame late ({@link #delayFrames()} = 1).
 *
 * <p>Run policy: the first frame of a run is restored from (current, current, next), the last one (on
 * {@link #endRun()}) from (previous, current, current), and a run of a single frame from
 * (current, current, current). All frames of a run have the same size, channel count and bit depth: a frame
 * that differs ends the run (the held frame is restored from (previous, held, held) and returned) and starts a
 * new one, so no frame is lost when the frame size changes.
 *
 * <p>Owns the triplet deblurrer and closes it. One caller at a time.
 */
public final class SlidingWindow<T> implements DeblurStage<T> {
    private final TripletDeblurrer model;
    private Image beforeHeld;
    private Image held;
    private T heldTag;
    private boolean closed;

    public SlidingWindow(TripletDeblurrer model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public int delayFrames() {
        return 1;
    }

    /**
     * Returns nothing for the first frame of a run, otherwise the restored frame before this one; a frame of
     * another format than the run's returns the run's last frame, restored as by {@link #endRun()}.
     */
    @Override
    public List<Restored<T>> accept(T tag, Image frame) throws DeblurException {
        checkOpen();
        Objects.requireNonNull(frame, "frame");
        if (held != null && !sameFormat(frame)) {
            List<Restored<T>> ended = endRun();
            hold(null, tag, frame);
            return ended;
        }
        if (held == null) {
            hold(null, tag, frame);
            return List.of();
        }
        Image restored = model.deblur(beforeHeld != null ? beforeHeld : held, held, frame);
        Restored<T> out = new Restored<>(heldTag, restored);
        hold(held, tag, frame);
        return List.of(out);
    }

    /** Restores the held last frame of the run from (previous, last, last), if any, and starts a new run. */
    @Override
    public List<Restored<T>> endRun() throws DeblurException {
        checkOpen();
        if (held == null) {
            return List.of();
        }
        Image previous = beforeHeld != null ? beforeHeld : held;
        Image last = held;
        T lastTag = heldTag;
        hold(null, null, null);
        return List.of(new Restored<>(lastTag, model.deblur(previous, last, last)));
    }

    @Override
    public void abort() {
        model.abort();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            hold(null, null, null);
            model.close();
        }
    }

    private void hold(Image before, T tag, Image frame) {
        beforeHeld = before;
        heldTag = tag;
        held = frame;
    }

    private boolean sameFormat(Image frame) {
        return frame.width() == held.width() && frame.height() == held.height()
                && frame.channels() == held.channels() && frame.bitDepth() == held.bitDepth();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("stage " + model.name() + " is closed");
        }
    }
}
