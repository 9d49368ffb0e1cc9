package io.aoi.eval;

import io.aoi.camera.sim.TrueParticle;
import io.aoi.detect.Particle;
import java.util.ArrayList;
import java.util.List;

/**
 * The matching rule: a detection matches a true particle when its centre lies within one true radius of the
 * true centre; matches are one-to-one, made greedily from the closest pair outwards. Stateless.
 *
 * <p>With a frame size, true particles whose disc is cut by the frame border are optional: matching one is
 * neither a true nor a false positive, missing one is no false negative. Their relief is partly outside the
 * frame; the station's overlapping frames show them whole in the neighbouring frame. True particles in the
 * resin between bumps are optional in the same way: particles count only on bumps, so the detector searches
 * only the bumps (a detection in the resin that matches no true particle is still a false positive).
 */
public final class ParticleMatcher {
    private ParticleMatcher() {
    }

    /** Every true particle on a bump counts. Both lists in the same (frame) coordinates. */
    public static MatchStats match(List<Particle> detections, List<TrueParticle> truth) {
        return match(detections, truth, Integer.MAX_VALUE / 2, Integer.MAX_VALUE / 2);
    }

    /**
     * True particles in the resin, and those whose disc is not wholly inside a frameWidth x frameHeight frame,
     * are optional (see the class comment). Both lists in frame coordinates, integer values at pixel centres.
     */
    public static MatchStats match(List<Particle> detections, List<TrueParticle> truth, int frameWidth,
            int frameHeight) {
        return matchClassified(detections, truth, frameWidth, frameHeight).stats();
    }

    /**
     * The match and the recall by kind of particle.
     *
     * @param stats   as {@link #match(List, List, int, int)}
     * @param classes which of the particles that count were found, by size and for weak ones
     */
    record Matched(MatchStats stats, ParticleClasses classes) {
    }

    /** {@link #match(List, List, int, int)} with the recall by kind of particle. */
    static Matched matchClassified(List<Particle> detections, List<TrueParticle> truth, int frameWidth,
            int frameHeight) {
        List<double[]> pairs = new ArrayList<>();
        for (int t = 0; t < truth.size(); t++) {
            TrueParticle tp = truth.get(t);
            for (int d = 0; d < detections.size(); d++) {
                Particle p = detections.get(d);
                double distance = Math.hypot(p.x() - tp.x(), p.y() - tp.y());
                if (distance <= tp.radiusPx()) {
                    pairs.add(new double[] {distance, t, d});
                }
            }
        }
        pairs.sort((a, b) -> Double.compare(a[0], b[0]));
        boolean[] counts = new boolean[truth.size()];
        for (int t = 0; t < truth.size(); t++) {
            counts[t] = counts(truth.get(t), frameWidth, frameHeight);
        }
        boolean[] truthUsed = new boolean[truth.size()];
        boolean[] detectionUsed = new boolean[detections.size()];
        int matched = 0;
        int optionalMatched = 0;
        for (double[] pair : pairs) {
            int t = (int) pair[1];
            int d = (int) pair[2];
            if (!truthUsed[t] && !detectionUsed[d]) {
                truthUsed[t] = true;
                detectionUsed[d] = true;
                if (counts[t]) {
                    matched++;
                } else {
                    optionalMatched++;
                }
            }
        }
        int counted = 0;
        for (boolean c : counts) {
            if (c) {
                counted++;
            }
        }
        return new Matched(new MatchStats(matched, detections.size() - matched - optionalMatched, counted - matched),
                ParticleClasses.of(truth, counts, truthUsed));
    }

    /** Whether a true particle must be found: on a bump, its disc wholly inside the frame. */
    static boolean counts(TrueParticle t, int frameWidth, int frameHeight) {
        return t.bumpId().isPresent() && whollyInside(t, frameWidth, frameHeight);
    }

    /** Whether the particle's disc lies inside the frame (pixel edges at -0.5 and size - 0.5). */
    static boolean whollyInside(TrueParticle t, int frameWidth, int frameHeight) {
        double r = t.radiusPx();
        return t.x() - r >= -0.5 && t.x() + r <= frameWidth - 0.5 && t.y() - r >= -0.5
                && t.y() + r <= frameHeight - 0.5;
    }
}
