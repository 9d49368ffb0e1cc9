package io.aoi.detect;

import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts particles per bump and turns the counts into a frame verdict and a density. Stateless.
 *
 * <p>No decision (NO_DECISION) when fewer bumps were judged than expected (never fewer than one), when they cover
 * less than the minimum area, or when a bump
 * holds more particles than plausible: the configured bound, else the packing bound (the bump, grown by one
 * particle radius on each side, over the area of a particle of the smallest diameter).
 */
final class BumpJudge {
    private final int minParticlesPerBump;
    private final double micronsPerPixel;
    private final int maxParticlesPerBump;
    private final double minDiameterPx;
    private final long minJudgedBumpAreaPx;

    /**
     * @param maxParticlesPerBump most particles a bump can plausibly hold; 0 = the packing bound only
     * @param minDiameterPx       smallest particle diameter, for the packing bound
     * @param minJudgedBumpAreaPx least total area of the judged bumps; 0 = none
     */
    BumpJudge(int minParticlesPerBump, double micronsPerPixel, int maxParticlesPerBump, double minDiameterPx,
            long minJudgedBumpAreaPx) {
        this.minJudgedBumpAreaPx = minJudgedBumpAreaPx;
        this.minParticlesPerBump = minParticlesPerBump;
        this.micronsPerPixel = micronsPerPixel;
        this.maxParticlesPerBump = maxParticlesPerBump;
        this.minDiameterPx = minDiameterPx;
    }

    /**
     * A bump is ok when it holds at least the minimum; the frame is OK when every judged bump is ok, NG when one
     * is not, NO_DECISION as described above. Density is particles in judged bumps over the judged bump area in
     * mm^2, 0 without bumps. The illumination direction is left unknown (the detector adds it).
     *
     * @param expectedBumps fewest bumps the frame must show, 1 or more
     * @param expectedFrom  where the expectation comes from, for the reason
     */
    Detection judge(List<Particle> particles, List<BumpRegion> bumps, int expectedBumps, String expectedFrom) {
        List<BumpCount> counts = new ArrayList<>();
        long inBumps = 0;
        long areaPx = 0;
        boolean allOk = true;
        String implausible = "";
        for (BumpRegion b : bumps) {
            int count = 0;
            for (Particle p : particles) {
                if (b.contains(p.x(), p.y())) {
                    count++;
                }
            }
            boolean ok = count >= minParticlesPerBump;
            allOk &= ok;
            inBumps += count;
            areaPx += b.areaPx();
            counts.add(new BumpCount(b.id(), b.x(), b.y(), b.width(), b.height(), count, ok));
            int bound = plausibleMax(b);
            if (count > bound && implausible.isEmpty()) {
                implausible = "bump " + b.id() + " holds " + count + " particles, more than the " + bound
                        + " plausible (" + (maxParticlesPerBump > 0 ? "detector.maxParticlesPerBump"
                        : "packing bound of its area") + "): noise counted as particles";
            }
        }
        double areaMm2 = areaPx * micronsPerPixel * micronsPerPixel * 1e-6;
        double density = areaPx == 0 ? 0 : inBumps / areaMm2;
        if (bumps.isEmpty()) {
            return Detection.undecided(particles, counts, density, "no bump found in the frame");
        }
        if (bumps.size() < expectedBumps) {
            return Detection.undecided(particles, counts, density, bumps.size() + " bumps judged, at least "
                    + expectedBumps + " expected (" + expectedFrom + ")");
        }
        if (areaPx < minJudgedBumpAreaPx) {
            return Detection.undecided(particles, counts, density, "judged bumps cover " + areaPx + " px, at least "
                    + minJudgedBumpAreaPx + " px expected (detector.minJudgedBumpAreaPx)");
        }
        if (!implausible.isEmpty()) {
            return Detection.undecided(particles, counts, density, implausible);
        }
        return new Detection(particles, counts, allOk ? Verdict.OK : Verdict.NG, density);
    }

    private int plausibleMax(BumpRegion b) {
        if (maxParticlesPerBump > 0) {
            return maxParticlesPerBump;
        }
        double r = minDiameterPx / 2;
        return (int) Math.floor((b.width() + minDiameterPx) * (b.height() + minDiameterPx) / (Math.PI * r * r));
    }
}
