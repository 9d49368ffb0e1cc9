package io.aoi.eval;

/**
 * Detections matched against ground truth.
 *
 * @param truePositives  detections matched one-to-one to a true particle
 * @param falsePositives detections matched to no true particle
 * @param falseNegatives true particles no detection matched
 */
public record MatchStats(int truePositives, int falsePositives, int falseNegatives) {
    public static final MatchStats NONE = new MatchStats(0, 0, 0);

    public MatchStats {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + truePositives + ", "
                    + falsePositives + ", " + falseNegatives);
        }
    }

    /** Matched detections over all detections; 1 when nothing was detected. */
    public double precision() {
        int detected = truePositives + falsePositives;
        return detected == 0 ? 1 : (double) truePositives / detected;
    }

    /** Matched true particles over all true particles; 1 when there were none. */
    public double recall() {
        int actual = truePositives + falseNegatives;
        return actual == 0 ? 1 : (double) truePositives / actual;
    }

    /** Harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Counts of both added, for pooling over frames. */
    public MatchStats plus(MatchStats other) {
        return new MatchStats(truePositives + other.truePositives, falsePositives + other.falsePositives,
                falseNegatives + other.falseNegatives);
    }
}
