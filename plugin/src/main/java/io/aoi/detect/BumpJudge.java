package io.aoi.detect;

import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;

/** Counts particles per bump and turns the counts into a frame verdict and a density. Stateless. */
final class BumpJudge {
    private final int minParticlesPerBump;
    private final double micronsPerPixel;

    BumpJudge(int minParticlesPerBump, double micronsPerPixel) {
        this.minParticlesPerBump = minParticlesPerBump;
        this.micronsPerPixel = micronsPerPixel;
    }

    /**
     * A bump is ok when it holds at least the minimum; the frame is OK when every judged bump is ok, and also
     * when there is no judged bump at all (nothing in the frame can be NG). Density is particles in judged
     * bumps over the judged bump area in mm^2, 0 without bumps. {@code illuminationAngleDeg} is passed on.
     */
    Detection judge(List<Particle> particles, List<BumpRegion> bumps, double illuminationAngleDeg) {
        List<BumpCount> counts = new ArrayList<>();
        long inBumps = 0;
        long areaPx = 0;
        boolean allOk = true;
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
        }
        double areaMm2 = areaPx * micronsPerPixel * micronsPerPixel * 1e-6;
        double density = areaPx == 0 ? 0 : inBumps / areaMm2;
        return new Detection(particles, counts, allOk ? Verdict.OK : Verdict.NG, density, illuminationAngleDeg);
    }
}
