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

    /** Standard normal value (Box-Muller on two hashed uniforms). */
    static double gaussian(long seed, int salt, long x, long y) {
        long h = of(seed, salt, x, y);
        double u1 = ((h >>> 40) + 1) * 0x1.0p-24;          // (0, 1]
        double u2 = (h & 0xFFFFFFL) * 0x1.0p-24;           // [0, 1)
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Smooth value noise in [-1, 1]: hashed values on a lattice of {@code cellPx} pixels, interpolated with
     * a smoothstep so the texture has no visible grid.
     */
    static double valueNoise(long seed, int salt, long x, long y, int cellPx) {
        long cx = Math.floorDiv(x, cellPx);
        long cy = Math.floorDiv(y, cellPx);
        double fx = smooth((x - cx * cellPx) / (double) cellPx);
        double fy = smooth((y - cy * cellPx) / (double) cellPx);
        double v00 = signed(seed, salt, cx, cy);
        double v10 = signed(seed, salt, cx + 1, cy);
        double v01 = signed(seed, salt, cx, cy + 1);
        double v11 = signed(seed, salt, cx + 1, cy + 1);
        double top = v00 + (v10 - v00) * fx;
        double bottom = v01 + (v11 - v01) * fx;
        return top + (bottom - top) * fy;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }
}
