package io.aoi.eval;

import io.aoi.camera.sim.TrueParticle;
import java.util.List;

/**
 * Recall by kind of true particle: which particles a detector misses. The simulator draws radii of 3 to 5 px
 * ({@link TrueParticle}); they are split into thirds, and weak (under-pressed) particles are counted on their own
 * as well, whatever their size. Only the true particles that count (on a bump, wholly in the frame) are tallied.
 *
 * @param small  radius below {@link #SMALL_BELOW_PX} (diameters 6 to 7.3 px)
 * @param medium radius from {@link #SMALL_BELOW_PX} to below {@link #LARGE_FROM_PX}
 * @param large  radius {@link #LARGE_FROM_PX} or more (diameters 8.7 to 10 px)
 * @param weak   contrast below {@link TrueParticle#NORMAL_CONTRAST_MIN}, any radius
 */
public record ParticleClasses(Recall small, Recall medium, Recall large, Recall weak) {
    /** Upper end of the small third of the simulator's 3 to 5 px radii. */
    public static final double SMALL_BELOW_PX = 11 / 3.0;
    /** Lower end of the large third. */
    public static final double LARGE_FROM_PX = 13 / 3.0;
    public static final ParticleClasses NONE = new ParticleClasses(Recall.NONE, Recall.NONE, Recall.NONE,
            Recall.NONE);

    /**
     * True particles of one kind found by a detection.
     *
     * @param found matched one-to-one to a detection
     * @param total of this kind
     */
    public record Recall(int found, int total) {
        public static final Recall NONE = new Recall(0, 0);

        public Recall {
            if (found < 0 || total < found) {
                throw new IllegalArgumentException("found " + found + " of " + total + "; need 0 <= found <= total");
            }
        }

        /** Fraction found; NaN when there were none of this kind. */
        public double fraction() {
            return total == 0 ? Double.NaN : (double) found / total;
        }

        Recall plus(Recall other) {
            return new Recall(found + other.found, total + other.total);
        }

        private Recall with(boolean wasFound) {
            return new Recall(found + (wasFound ? 1 : 0), total + 1);
        }
    }

    /**
     * The tallies of the particles that count.
     *
     * @param truth  true particles
     * @param counts per particle of {@code truth}: whether it counts
     * @param found  per particle of {@code truth}: whether a detection matched it
     */
    static ParticleClasses of(List<TrueParticle> truth, boolean[] counts, boolean[] found) {
        Recall small = Recall.NONE;
        Recall medium = Recall.NONE;
        Recall large = Recall.NONE;
        Recall weak = Recall.NONE;
        for (int i = 0; i < truth.size(); i++) {
            if (!counts[i]) {
                continue;
            }
            TrueParticle t = truth.get(i);
            if (t.radiusPx() < SMALL_BELOW_PX) {
                small = small.with(found[i]);
            } else if (t.radiusPx() < LARGE_FROM_PX) {
                medium = medium.with(found[i]);
            } else {
                large = large.with(found[i]);
            }
            if (t.weak()) {
                weak = weak.with(found[i]);
            }
        }
        return new ParticleClasses(small, medium, large, weak);
    }

    /** Tallies of both added, for pooling over frames. */
    public ParticleClasses plus(ParticleClasses other) {
        return new ParticleClasses(small.plus(other.small), medium.plus(other.medium), large.plus(other.large),
                weak.plus(other.weak));
    }
}
