package io.aoi.detect;

import java.util.OptionalDouble;

/**
 * Shear-direction estimates of several frames pooled into one direction: the particle-weighted circular mean of
 * their directions, each frame's weight multiplied by {@code keepPerFrame} when the next one is added.
 *
 * <p>A DIC prism's shear direction is fixed per station, so the frames of a station measure one direction with the
 * error of each frame's few particles (at defocus sigma 4 a median of 44 on a 1024 x 512 frame, read to 2.7 degrees
 * rms from frame to frame; on narrower frames often below the {@link DirectionEstimate#MIN_PARTICLES} a single
 * frame needs). Pooled, the direction
 * steadies, and frames that each have too few particles make a confident direction together: an estimate enters
 * when at least {@link #MIN_FRAME_PARTICLES} of its particles agree ({@link DirectionEstimate#agrees}), the pool
 * holds a direction from the first estimate on, and it is {@link #confident()} once its (kept) particle weight
 * reaches {@link DirectionEstimate#MIN_PARTICLES}.
 * With {@code keepPerFrame} below 1 the pool follows a camera or prism that was turned within a few frames (0.7:
 * the newest frame has 30 % of the weight, one five frames old 7 %).
 *
 * <p>Thread-safe.
 */
public final class DirectionPool {
    /** The auto-mode detector's weight kept per frame: about the last five frames count. */
    public static final double STATION_KEEP_PER_FRAME = 0.7;
    /** Fewest agreeing particles of a frame whose estimate enters the pool. */
    public static final int MIN_FRAME_PARTICLES = 3;

    private final double keepPerFrame;
    private double sumX;
    private double sumY;
    private double unitX;
    private double unitY;
    private double weightedFrames;
    private double weightedParticles;
    private int frames;
    private int particles;

    /** @param keepPerFrame 0 (only the newest frame) to 1 (every frame alike) */
    public DirectionPool(double keepPerFrame) {
        if (!(keepPerFrame >= 0 && keepPerFrame <= 1)) {
            throw new IllegalArgumentException("keepPerFrame " + keepPerFrame + "; allowed: 0 to 1");
        }
        this.keepPerFrame = keepPerFrame;
    }

    /** A pool in which every frame counts alike, for a calibration over recorded frames. */
    public static DirectionPool everyFrame() {
        return new DirectionPool(1);
    }

    /**
     * Adds {@code estimate} when its particles agree and are at least {@link #MIN_FRAME_PARTICLES}; returns whether
     * it was added.
     */
    public synchronized boolean add(DirectionEstimate estimate) {
        if (!estimate.agrees(MIN_FRAME_PARTICLES)) {
            return false;
        }
        double a = Math.toRadians(estimate.angleDeg());
        sumX = keepPerFrame * sumX + estimate.particles() * Math.cos(a);
        sumY = keepPerFrame * sumY + estimate.particles() * Math.sin(a);
        unitX = keepPerFrame * unitX + Math.cos(a);
        unitY = keepPerFrame * unitY + Math.sin(a);
        weightedFrames = keepPerFrame * weightedFrames + 1;
        weightedParticles = keepPerFrame * weightedParticles + estimate.particles();
        frames++;
        particles += estimate.particles();
        return true;
    }

    /** The pooled direction, degrees in (-180, 180]; empty before an estimate was added. */
    public synchronized OptionalDouble angleDeg() {
        return frames == 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.toDegrees(Math.atan2(sumY, sumX)));
    }

    /** Whether the pool's (kept) particle weight has reached {@link DirectionEstimate#MIN_PARTICLES}. */
    public synchronized boolean confident() {
        return weightedParticles >= DirectionEstimate.MIN_PARTICLES;
    }

    /**
     * How well the pooled frames agree: the (weighted) mean resultant length of their directions, 1 when all
     * agree, 0 before any was added.
     */
    public synchronized double agreement() {
        return frames == 0 ? 0 : Math.hypot(unitX, unitY) / weightedFrames;
    }

    /** Frames added. */
    public synchronized int frames() {
        return frames;
    }

    /** The particles the added frames' estimates rest on, in all. */
    public synchronized int particles() {
        return particles;
    }
}
