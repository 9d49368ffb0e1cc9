package io.aoi.detect;

import io.aoi.image.Image;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * What an auto-mode detector found on its last few captured frames, by frame identity: the bumps and the shear
 * direction. A station asks for both before it restores a frame (the bumps to restore, {@link BumpLocator}; the
 * direction to turn the frame by, {@link ParticleDetector#shearDirectionFor}) and for the direction again when it
 * detects on the restored frame; each is found once, and the second answer is the first. With deblurring and
 * detection pipelined a later frame's question may come in between, hence more than one frame.
 *
 * <p>Holds the frames weakly: a frame the station has let go of is not kept for this (frames of an image file can
 * be hundreds of MB). Thread-safe; a value is computed outside the lock, so two threads asking at once for the
 * same new frame may both compute it (the same value).
 */
final class CapturedFrames {
    /** Frames remembered: the one being detected, the one being restored and two queued between them. */
    static final int CAPACITY = 4;

    private final List<WeakReference<Image>> frames = new ArrayList<>(Collections.nCopies(CAPACITY, null));
    private final BumpFinder.Found[] bumps = new BumpFinder.Found[CAPACITY];
    private final double[] anglesDeg = new double[CAPACITY];
    private int next;

    /** The bumps found on {@code frame} (this very instance), found now with {@code find} if not yet. */
    BumpFinder.Found bumps(Image frame, Supplier<BumpFinder.Found> find) {
        synchronized (this) {
            int i = indexOf(frame);
            if (i >= 0 && bumps[i] != null) {
                return bumps[i];
            }
        }
        BumpFinder.Found found = find.get();
        synchronized (this) {
            bumps[slotFor(frame)] = found;
        }
        return found;
    }

    /** The direction held for {@code frame} (this very instance), estimated now with {@code estimate} if not yet. */
    double angleDeg(Image frame, DoubleSupplier estimate) {
        synchronized (this) {
            int i = indexOf(frame);
            if (i >= 0 && !Double.isNaN(anglesDeg[i])) {
                return anglesDeg[i];
            }
        }
        double angle = estimate.getAsDouble();
        synchronized (this) {
            anglesDeg[slotFor(frame)] = angle;
        }
        return angle;
    }

    private int indexOf(Image frame) {
        for (int i = 0; i < CAPACITY; i++) {
            WeakReference<Image> held = frames.get(i);
            if (held != null && held.get() == frame) {
                return i;
            }
        }
        return -1;
    }

    /** The frame's slot; a new frame takes the oldest one's, which is forgotten. */
    private int slotFor(Image frame) {
        int i = indexOf(frame);
        if (i >= 0) {
            return i;
        }
        i = next;
        next = (next + 1) % CAPACITY;
        frames.set(i, new WeakReference<>(frame));
        bumps[i] = null;
        anglesDeg[i] = Double.NaN;
        return i;
    }
}
