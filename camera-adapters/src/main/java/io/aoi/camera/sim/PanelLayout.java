package io.aoi.camera.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where the bumps and particles of the endless panel are. The panel is cut into bands of
 * {@link #BAND_LINES} lines; each band's content is generated from (seed, band index) alone, so any range
 * of lines is reproducible without generating what lies before it. Lines before 0 are plain resin.
 *
 * <p>Per band: rows of bumps across the width (each row one height of 40 to 64 lines and one bump width of
 * 80 to 160 px, with gaps), and per bump a particle population chosen by kind: about 10 % sparse (0 to 4
 * particles, NG), 15 % weak (contrast 30 to 50 % of normal), 10 % clustered (touching pairs and small
 * groups, centres at least 1.1 radii apart), the rest normal; plus a few particles in the resin.
 *
 * <p>With an NG band fraction (the line's yield) no bump is sparse by its kind; instead each band is NG with that
 * probability, drawn from its own stream, and one of its bumps, chosen at random, keeps only 0 to 4 of its
 * particles. Without it the layout is exactly as described above.
 *
 * <p>Thread-safe: bands are cached in a small synchronized LRU map.
 */
final class PanelLayout {
    static final int BAND_LINES = 256;
    /** Bump rows per band never exceed this, which keeps row numbers unique across bands. */
    static final int MAX_ROWS_PER_BAND = 4;
    /** The farthest a particle's relief reaches from its centre (radius plus antialiasing). */
    static final int MAX_REACH_PX = 10;

    private static final int EDGE_GAP = 12;
    private static final double RESIN_PARTICLES_PER_BAND = 2.0;
    private static final int CACHE_BANDS = 64;

    private final long seed;
    private final int widthPx;
    private final double particlesPerBump;
    private final double micronsPerPixel;
    private final OptionalDouble ngBandFraction;
    private final Map<Long, PanelBand> cache = new LinkedHashMap<>(CACHE_BANDS, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, PanelBand> eldest) {
            return size() > CACHE_BANDS;
        }
    };

    PanelLayout(long seed, int widthPx, double particlesPerBump, double micronsPerPixel) {
        this(seed, widthPx, particlesPerBump, micronsPerPixel, OptionalDouble.empty());
    }

    PanelLayout(long seed, int widthPx, double particlesPerBump, double micronsPerPixel,
            OptionalDouble ngBandFraction) {
        this.ngBandFraction = ngBandFraction;
        this.seed = seed;
        this.widthPx = widthPx;
        this.particlesPerBump = particlesPerBump;
        this.micronsPerPixel = micronsPerPixel;
    }

    /** Bands overlapping lines [fromLine, toLine). */
    List<PanelBand> bands(long fromLine, long toLine) {
        List<PanelBand> out = new ArrayList<>();
        long first = Math.floorDiv(fromLine, BAND_LINES);
        long last = Math.floorDiv(toLine - 1, BAND_LINES);
        for (long b = first; b <= last; b++) {
            out.add(band(b));
        }
        return out;
    }

    PanelBand band(long index) {
        synchronized (cache) {
            PanelBand cached = cache.get(index);
            if (cached != null) {
                return cached;
            }
        }
        PanelBand made = index < 0 ? new PanelBand(index, List.of(), List.of()) : generate(index);
        synchronized (cache) {
            cache.put(index, made);
        }
        return made;
    }

    private PanelBand generate(long index) {
        Rng rng = Rng.forKey(seed, 1, index);
        long bandTop = index * BAND_LINES;
        List<TrueBump> bumps = new ArrayList<>();
        List<TrueParticle> particles = new ArrayList<>();
        int y = rng.intBetween(EDGE_GAP, 32);
        for (int row = 0; row < MAX_ROWS_PER_BAND; row++) {
            int height = rng.intBetween(40, TrueBump.MAX_HEIGHT_PX);
            if (y + height > BAND_LINES - EDGE_GAP) {
                break;
            }
            int width = rng.intBetween(80, 160);
            int gapX = rng.intBetween(24, 64);
            int x = rng.intBetween(8, 40);
            long rowNumber = index * MAX_ROWS_PER_BAND + row;
            for (int b = 0; x + width <= widthPx - 8; b++, x += width + gapX) {
                String id = "R" + rowNumber + "-B" + b;
                List<TrueParticle> onBump = BumpPopulation.populate(rng, id, x, bandTop + y, width, height,
                        particlesPerBump, micronsPerPixel, ngBandFraction.isEmpty());
                particles.addAll(onBump);
                bumps.add(new TrueBump(id, x, bandTop + y, width, height, onBump.size()));
            }
            y += height + rng.intBetween(16, 40);
        }
        if (ngBandFraction.isPresent()) {
            makeOneBumpSparse(index, bumps, particles);
        }
        addResinParticles(rng, bandTop, bumps, particles);
        return new PanelBand(index, bumps, particles);
    }

    /** With probability ngBandFraction, one bump of the band keeps fewer than {@code SPARSE_BELOW} particles. */
    private void makeOneBumpSparse(long index, List<TrueBump> bumps, List<TrueParticle> particles) {
        Rng ng = Rng.forKey(seed, 2, index);
        if (bumps.isEmpty() || ng.nextDouble() >= ngBandFraction.getAsDouble()) {
            return;
        }
        int chosen = ng.nextInt(bumps.size());
        TrueBump bump = bumps.get(chosen);
        int keep = Math.min(ng.nextInt(BumpPopulation.SPARSE_BELOW), bump.particleCount());
        int kept = 0;
        for (java.util.Iterator<TrueParticle> it = particles.iterator(); it.hasNext(); ) {
            TrueParticle p = it.next();
            if (p.bumpId().equals(Optional.of(bump.id()))) {
                if (kept < keep) {
                    kept++;
                } else {
                    it.remove();
                }
            }
        }
        bumps.set(chosen, new TrueBump(bump.id(), bump.x(), bump.y(), bump.width(), bump.height(), kept));
    }

    private void addResinParticles(Rng rng, long bandTop, List<TrueBump> bumps, List<TrueParticle> particles) {
        int wanted = rng.poisson(RESIN_PARTICLES_PER_BAND);
        for (int i = 0; i < wanted; i++) {
            for (int attempt = 0; attempt < 20; attempt++) {
                double r = BumpPopulation.radius(rng, micronsPerPixel);
                double cx = rng.uniform(8, widthPx - 8);
                double cy = bandTop + rng.uniform(8, BAND_LINES - 8);
                if (clearOfBumps(cx, cy, r + 3, bumps) && BumpPopulation.clearOf(cx, cy, r, particles, 1.0)) {
                    particles.add(new TrueParticle(cx, cy, r, rng.uniform(0.15, 0.25), Optional.empty()));
                    break;
                }
            }
        }
    }

    private static boolean clearOfBumps(double cx, double cy, double reach, List<TrueBump> bumps) {
        for (TrueBump b : bumps) {
            boolean overlapX = cx + reach > b.x() - 0.5 && cx - reach < b.x() + b.width() - 0.5;
            boolean overlapY = cy + reach > b.y() - 0.5 && cy - reach < b.y() + b.height() - 0.5;
            if (overlapX && overlapY) {
                return false;
            }
        }
        return true;
    }
}
