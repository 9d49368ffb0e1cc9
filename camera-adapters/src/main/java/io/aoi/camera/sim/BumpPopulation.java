package io.aoi.camera.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Places the particles of one bump; see {@link PanelLayout} for the mix of bump kinds. */
final class BumpPopulation {
    static final double SPARSE_FRACTION = 0.10;
    static final double WEAK_FRACTION = 0.15;
    static final double CLUSTERED_FRACTION = 0.10;
    /** Diameter range of crushed ACF particles, in micrometres. */
    static final double MIN_DIAMETER_MICRONS = 3.0;
    static final double MAX_DIAMETER_MICRONS = 5.0;
    /** A sparse bump gets fewer particles than this. */
    static final int SPARSE_BELOW = 5;

    private static final int ATTEMPTS = 40;
    /** A bump counts as full when this many particles in a row found no free place. */
    private static final int FULL_AFTER_FAILURES = 8;

    private BumpPopulation() {
    }

    /**
     * Particles wholly on the bump at columns [x, x + width), lines [top, top + height). Particles that find
     * no free place are left out, and placing stops once the bump is full, so the result's size is the
     * bump's true count and dense requests are capped by the space available.
     */
    static List<TrueParticle> populate(Rng rng, String id, int x, long top, int width, int height,
            double meanCount, double micronsPerPixel) {
        return populate(rng, id, x, top, width, height, meanCount, micronsPerPixel, true);
    }

    /**
     * As above; with {@code allowSparse} false a bump that would have been sparse is populated as a normal one (the
     * line's yield then comes from {@link PanelLayout}'s NG bands alone).
     */
    static List<TrueParticle> populate(Rng rng, String id, int x, long top, int width, int height,
            double meanCount, double micronsPerPixel, boolean allowSparse) {
        double drawn = rng.nextDouble();
        double kind = !allowSparse && drawn < SPARSE_FRACTION ? 1.0 : drawn;
        boolean sparse = kind < SPARSE_FRACTION;
        boolean weak = !sparse && kind < SPARSE_FRACTION + WEAK_FRACTION;
        boolean clustered = !sparse && !weak && kind < SPARSE_FRACTION + WEAK_FRACTION + CLUSTERED_FRACTION;
        int wanted = sparse ? rng.nextInt(SPARSE_BELOW) : rng.poisson(meanCount);
        double contrastScale = weak ? rng.uniform(0.3, 0.5) : 1.0;
        Optional<String> bumpId = Optional.of(id);
        List<TrueParticle> placed = new ArrayList<>();
        int failuresInARow = 0;
        for (int i = 0; i < wanted && failuresInARow < FULL_AFTER_FAILURES; i++) {
            int before = placed.size();
            double r = radius(rng, micronsPerPixel);
            double contrast = rng.uniform(0.15, 0.30) * contrastScale;
            boolean attach = clustered && !placed.isEmpty() && rng.nextDouble() < 0.6;
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                double cx;
                double cy;
                if (attach) {
                    TrueParticle anchor = placed.get(placed.size() - 1 - rng.nextInt(Math.min(2, placed.size())));
                    double distance = rng.uniform(1.1 * Math.max(r, anchor.radiusPx()), r + anchor.radiusPx());
                    double angle = rng.uniform(0, 2 * Math.PI);
                    cx = anchor.x() + distance * Math.cos(angle);
                    cy = anchor.y() + distance * Math.sin(angle);
                } else {
                    cx = rng.uniform(x - 0.5 + r + 1, x + width - 0.5 - r - 1);
                    cy = rng.uniform(top - 0.5 + r + 1, top + height - 0.5 - r - 1);
                }
                boolean inside = cx - r - 1 >= x - 0.5 && cx + r + 1 <= x + width - 0.5
                        && cy - r - 1 >= top - 0.5 && cy + r + 1 <= top + height - 0.5;
                double spacing = clustered ? 0 : 1.0;
                if (inside && clearOf(cx, cy, r, placed, spacing)) {
                    placed.add(new TrueParticle(cx, cy, r, contrast, bumpId));
                    break;
                }
            }
            failuresInARow = placed.size() == before ? failuresInARow + 1 : 0;
        }
        return placed;
    }

    /** Radius in pixels of a particle whose diameter is uniform in 3 to 5 um. */
    static double radius(Rng rng, double micronsPerPixel) {
        return rng.uniform(MIN_DIAMETER_MICRONS, MAX_DIAMETER_MICRONS) / (2 * micronsPerPixel);
    }

    /**
     * Whether a particle at (cx, cy) with radius r keeps its distance from the others: with
     * {@code spacingPx} >= 0 the discs stay that far apart; touching (spacing 0) is still refused closer
     * than 1.1 times the larger radius, so every centre stays distinguishable.
     */
    static boolean clearOf(double cx, double cy, double r, List<TrueParticle> others, double spacingPx) {
        for (TrueParticle p : others) {
            double d = Math.hypot(cx - p.x(), cy - p.y());
            double larger = Math.max(r, p.radiusPx());
            double min = spacingPx > 0 ? r + p.radiusPx() + spacingPx : 1.1 * larger;
            if (d < min) {
                return false;
            }
        }
        return true;
    }
}
