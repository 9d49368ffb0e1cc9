package io.aoi.detect;

import io.aoi.image.Image;
import java.lang.ref.WeakReference;
import java.util.function.BiConsumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
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

    /** One remembered frame and what was found on it so far (null: not yet). */
    private static final class Slot {
        final WeakReference<Image> frame;
        BumpFinder.Found bumps;
        Double angleDeg;

        Slot(Image frame) {
            this.frame = new WeakReference<>(frame);
        }
    }

    private final Slot[] slots = new Slot[CAPACITY];
    private int next;

    /** The bumps found on {@code frame} (this very instance), found now with {@code find} if not yet. */
    BumpFinder.Found bumps(Image frame, Supplier<BumpFinder.Found> find) {
        return once(frame, slot -> slot.bumps, (slot, found) -> slot.bumps = found, find);
    }

    /** The direction held for {@code frame} (this very instance), estimated now with {@code estimate} if not yet. */
    double angleDeg(Image frame, DoubleSupplier estimate) {
        return once(frame, slot -> slot.angleDeg, (slot, angle) -> slot.angleDeg = angle, estimate::getAsDouble);
    }

    /** What {@code held} reads from the frame's slot, else {@code find}'s value, stored with {@code hold}. */
    private <T> T once(Image frame, Function<Slot, T> held, BiConsumer<Slot, T> hold, Supplier<T> find) {
        synchronized (this) {
            Slot slot = slotOf(frame);
            if (slot != null && held.apply(slot) != null) {
                return held.apply(slot);
            }
        }
        T value = find.get();
        synchronized (this) {
            hold.accept(slotFor(frame), value);
        }
        return value;
    }

    private Slot slotOf(Image frame) {
        for (Slot slot : slots) {
            if (slot != null && slot.frame.get() == frame) {
                return slot;
            }
        }
        return null;
    }

    /** The frame's slot; a new frame takes the oldest one's, which is forgotten. */
    private Slot slotFor(Image frame) {
        Slot slot = slotOf(frame);
        if (slot == null) {
            slot = new Slot(frame);
            slots[next] = slot;
            next = (next + 1) % CAPACITY;
        }
        return slot;
    }
}
