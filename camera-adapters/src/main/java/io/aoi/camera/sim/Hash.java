package io.aoi.camera.sim;

/**
 * Stateless hashing of pixel coordinates, the basis of every per-pixel texture and noise value: a value
 * depends only on (seed, salt, x, line), so any band of lines renders identically however it is split.
 */
final class Hash {
    private Hash() {
    }

    /** The SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long of(long seed, int salt, long x, long y) {
        long h = mix(seed + salt * 0x9E3779B97F4A7C15L);
        h = mix(h ^ (x * 0xC2B2AE3D27D4EB4FL));
        return mix(h ^ (y * 0x165667B19E3779F9L));
    }

    /** Uniform in [0, 1). */
    static double unit(long seed, int salt, long x, long y) {
        return (of(seed, salt, x, y) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    static double signed(long seed, int salt, long x, long y) {
        return unit(seed, salt, x, y) * 2 - 1;
    }

    /**
     * First of two independent standard normal values from one hash (Box-Muller with tabulated radius and
     * angle: 16 bits of radius, 12 bits of angle, tails cut near 4.7 sigma).
     */
    static double gaussianFirst(long hash) {
        return GaussTables.RADIUS[(int) (hash >>> 48)] * GaussTables.COS[(int) (hash >>> 36) & 4095];
    }

    /** Second of the two values from the same hash, independent of {@link #gaussianFirst(long)}. */
    static double gaussianSecond(long hash) {
        return GaussTables.RADIUS[(int) (hash >>> 48)] * GaussTables.COS[((int) (hash >>> 36) - 1024) & 4095];
    }

    private static final class GaussTables {
        static final float[] RADIUS = new float[1 << 16];
        static final float[] COS = new float[4096];

        static {
            for (int i = 0; i < RADIUS.length; i++) {
                RADIUS[i] = (float) Math.sqrt(-2 * Math.log((i + 0.5) / RADIUS.length));
            }
            for (int i = 0; i < COS.length; i++) {
                COS[i] = (float) Math.cos(2 * Math.PI * i / COS.length);
            }
        }
    }

    /**
     * Adds smooth value noise in [-amplitude, amplitude] to line {@code y}: hashed values on a lattice of
     * {@code cellPx} pixels, interpolated with a smoothstep so the texture shows no grid. Each lattice point
     * is hashed once per line rather than four times per pixel.
     */
    static void addValueNoiseRow(double[] row, long seed, int salt, long y, int cellPx, double amplitude) {
        long cy = Math.floorDiv(y, cellPx);
        double fy = smooth((y - cy * cellPx) / (double) cellPx);
        int cells = row.length / cellPx + 2;
        double[] column = new double[cells];
        for (int c = 0; c < cells; c++) {
            double top = signed(seed, salt, c, cy);
            double bottom = signed(seed, salt, c, cy + 1);
            column[c] = top + (bottom - top) * fy;
        }
        double[] weight = new double[cellPx];
        for (int i = 0; i < cellPx; i++) {
            weight[i] = smooth(i / (double) cellPx);
        }
        for (int x = 0; x < row.length; x++) {
            int c = x / cellPx;
            double left = column[c];
            row[x] += amplitude * (left + (column[c + 1] - left) * weight[x - c * cellPx]);
        }
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
