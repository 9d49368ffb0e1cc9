package io.aoi.eval;

import io.aoi.camera.sim.TrueBump;
import io.aoi.results.BumpCount;
import java.util.List;

/**
 * Compares per-bump verdicts with the truth. Each true bump wholly in the frame is paired with the detected
 * bump that overlaps it most (intersection over union at least {@link #MIN_OVERLAP}); the true verdict is
 * {@code particleCount >= minParticlesPerBump}. A true bump without a detected partner counts as wrong.
 */
public final class BumpVerdicts {
    /** Least intersection over union for a detected bump to stand for a true one. */
    public static final double MIN_OVERLAP = 0.5;

    private BumpVerdicts() {
    }

    /** @param truth bumps in frame coordinates; those not wholly inside the frame height are ignored */
    public static VerdictStats compare(List<BumpCount> detected, List<TrueBump> truth, int frameHeight,
            int minParticlesPerBump) {
        int agreed = 0;
        int judged = 0;
        for (TrueBump t : truth) {
            if (t.y() < 0 || t.y() + t.height() > frameHeight) {
                continue;
            }
            judged++;
            BumpCount partner = null;
            double bestOverlap = MIN_OVERLAP;
            for (BumpCount d : detected) {
                double overlap = intersectionOverUnion(t, d);
                if (overlap >= bestOverlap) {
                    bestOverlap = overlap;
                    partner = d;
                }
            }
            boolean trulyOk = t.particleCount() >= minParticlesPerBump;
            if (partner != null && partner.ok() == trulyOk) {
                agreed++;
            }
        }
        return new VerdictStats(agreed, judged);
    }

    static double intersectionOverUnion(TrueBump t, BumpCount d) {
        double ix = Math.max(0, Math.min(t.x() + t.width(), d.x() + d.width()) - Math.max(t.x(), d.x()));
        double iy = Math.max(0, Math.min(t.y() + t.height(), d.y() + d.height()) - Math.max(t.y(), d.y()));
        double intersection = ix * iy;
        double union = (double) t.width() * t.height() + (double) d.width() * d.height() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}
