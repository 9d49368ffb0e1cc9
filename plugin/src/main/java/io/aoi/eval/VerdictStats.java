package io.aoi.eval;

/**
 * Per-bump verdicts compared with the truth.
 *
 * @param agreed bumps whose OK/NG from the detector equals the true OK/NG
 * @param judged true bumps wholly in the frame
 */
public record VerdictStats(int agreed, int judged) {
    public static final VerdictStats NONE = new VerdictStats(0, 0);

    public VerdictStats {
        if (agreed < 0 || judged < agreed) {
            throw new IllegalArgumentException("agreed " + agreed + " of " + judged + " bumps; need 0 <= agreed"
                    + " <= judged");
        }
    }

    /** Fraction of bumps with the right verdict; 1 when no bump was judged. */
    public double accuracy() {
        return judged == 0 ? 1 : (double) agreed / judged;
    }

    public VerdictStats plus(VerdictStats other) {
        return new VerdictStats(agreed + other.agreed, judged + other.judged);
    }
}
