package io.aoi.detect;

/**
 * The standard deviation of a sample estimated from its median absolute deviation (MAD), so that a minority of
 * outliers (particles, bump edges) barely moves it: {@code 1.4826 * median(|v - median(v)|)}, which equals the
 * standard deviation for normally distributed values. Medians by selection in linear time; for an even count
 * the upper of the two middle values is taken.
 */
final class RobustSpread {
    /** The MAD of a normal distribution times this is its standard deviation. */
    static final double MAD_TO_SIGMA = 1.4826;

    private RobustSpread() {
    }

    /**
     * The robust standard deviation of {@code values[0 .. count)}; 0 for no values. Reorders and overwrites
     * that part of the array.
     */
    static double sigma(float[] values, int count) {
        if (count == 0) {
            return 0;
        }
        float median = select(values, count, count / 2);
        for (int i = 0; i < count; i++) {
            values[i] = Math.abs(values[i] - median);
        }
        return MAD_TO_SIGMA * select(values, count, count / 2);
    }

    /** The k-th smallest of {@code a[0 .. n)} (k from 0), partially reordering it (Hoare selection). */
    static float select(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // median of three as pivot, which keeps sorted and reversed runs linear
            float pivot = medianOfThree(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static float medianOfThree(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
