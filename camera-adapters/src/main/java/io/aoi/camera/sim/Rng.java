package io.aoi.camera.sim;

/**
 * SplitMix64 generator: a fixed, documented algorithm, so the panel is identical on every JVM for a seed.
 * Not thread-safe; each band of panel content uses its own instance.
 */
final class Rng {
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** Generator for one (seed, stream, index) triple, independent of the others. */
    static Rng forKey(long seed, long stream, long index) {
        return new Rng(Hash.mix(Hash.mix(seed ^ 0x5DEECE66DL) + stream * 0x9E3779B97F4A7C15L + index));
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return Hash.mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound). */
    int nextInt(int bound) {
        return (int) Math.floor(nextDouble() * bound);
    }

    /** Uniform integer in [lo, hi], both included. */
    int intBetween(int lo, int hi) {
        return lo + nextInt(hi - lo + 1);
    }

    /** Poisson-distributed count with the given mean (normal approximation above a mean of 30). */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 30) {
            double g = Math.sqrt(-2 * Math.log(1 - nextDouble())) * Math.cos(2 * Math.PI * nextDouble());
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * g));
        }
        double limit = Math.exp(-mean);
        double product = nextDouble();
        int k = 0;
        while (product > limit) {
            product *= nextDouble();
            k++;
        }
        return k;
    }
}
