package io.aoi.camera.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PanelSimulatorTest {

    private static SimulatedCameraSettings settings(int bitDepth, double sigma, double motion, double noise,
            long seed) {
        return SimulatedCameraSettings.DEFAULTS.withWidthPx(512).withBitDepth(bitDepth).withLineRateHz(0)
                .withDefocusSigmaPx(sigma).withMotionBlurPx(motion).withNoiseSigma(noise).withSeed(seed);
    }

    @Test
    void sameSeedAndLinesRenderIdenticalPixels() {
        Image a = new PanelSimulator(settings(8, 1.5, 2, 0.01, 7)).render(1000, 200);
        Image b = new PanelSimulator(settings(8, 1.5, 2, 0.01, 7)).render(1000, 200);
        assertArrayEquals(a.samples(), b.samples());
    }

    @Test
    void differentSeedsRenderDifferentPanels() {
        Image a = new PanelSimulator(settings(8, 0, 0, 0, 7)).render(0, 256);
        Image b = new PanelSimulator(settings(8, 0, 0, 0, 8)).render(0, 256);
        assertFalse(Arrays.equals(a.samples(), b.samples()));
    }

    @Test
    void renderingInTwoStripsEqualsRenderingAtOnce() {
        PanelSimulator sim = new PanelSimulator(settings(16, 2.0, 3.5, 0.01, 3));
        Image whole = sim.render(0, 512);
        Image top = sim.render(0, 256);
        Image bottom = sim.render(256, 256);
        assertArrayEquals(whole.rows(0, 256).samples(), top.samples());
        assertArrayEquals(whole.rows(256, 256).samples(), bottom.samples());
        Image odd = sim.render(137, 37);
        assertArrayEquals(whole.rows(137, 37).samples(), odd.samples());
    }

    @Test
    void everyTrueParticleShowsBrightRightHalfAndDarkLeftHalf() {
        assertReliefsBrightTowards(new PanelSimulator(settings(16, 0, 0, 0, 11)), 0);
    }

    @Test
    void anotherShearDirectionTurnsEveryRelief() {
        PanelSimulator sim = new PanelSimulator(settings(16, 0, 0, 0, 11), 120);
        assertEquals(120, sim.shearAngleDeg());
        assertReliefsBrightTowards(sim, 120);
        assertEquals(new PanelSimulator(settings(16, 0, 0, 0, 11)).frame(0, 256).particles(),
                sim.frame(0, 256).particles(), "the same particles, only lit from elsewhere");
    }

    /** Mean of the half towards the shear direction minus the other half, at least 0.3 contrast per particle. */
    private static void assertReliefsBrightTowards(PanelSimulator sim, double shearAngleDeg) {
        double ux = Math.cos(Math.toRadians(shearAngleDeg));
        double uy = -Math.sin(Math.toRadians(shearAngleDeg));
        SimulatedFrame frame = sim.frame(0, 1024);
        List<TrueParticle> particles = frame.particles();
        assertTrue(particles.size() > 200, "enough particles to judge: " + particles.size());
        Image img = frame.image();
        double full = img.maxValue();
        int judged = 0;
        for (TrueParticle p : particles) {
            double[] sums = new double[4]; // lit sum, lit n, shaded sum, shaded n
            int r = (int) Math.ceil(p.radiusPx());
            for (int y = (int) Math.round(p.y()) - r; y <= Math.round(p.y()) + r; y++) {
                for (int x = (int) Math.round(p.x()) - r; x <= Math.round(p.x()) + r; x++) {
                    double dx = x - p.x();
                    double dy = y - p.y();
                    double along = dx * ux + dy * uy;
                    boolean inside = Math.hypot(dx, dy) < p.radiusPx() && Math.abs(along) > 0.25;
                    if (!inside || y < 0 || y >= img.height() || x < 0 || x >= img.width()
                            || coveredByAnother(p, x, y, particles)) {
                        continue;
                    }
                    int side = along > 0 ? 0 : 2;
                    sums[side] += img.sample(x, y, 0) / full;
                    sums[side + 1]++;
                }
            }
            if (sums[1] < 1 || sums[3] < 1) {
                continue;
            }
            judged++;
            double difference = sums[0] / sums[1] - sums[2] / sums[3];
            assertTrue(difference > 0.3 * p.contrast(),
                    "particle " + p + ": lit minus shaded mean " + difference);
        }
        assertTrue(judged >= 0.95 * particles.size(), "judged " + judged + " of " + particles.size());
    }

    private static boolean coveredByAnother(TrueParticle self, int x, int y, List<TrueParticle> all) {
        for (TrueParticle o : all) {
            if (o != self && Math.hypot(x - o.x(), y - o.y()) < o.radiusPx() + 0.75) {
                return true;
            }
        }
        return false;
    }

    @Test
    void bumpIdsAreUniqueAndBumpsAreAtMost64LinesTall() {
        PanelSimulator sim = new PanelSimulator(settings(8, 0, 0, 0, 5));
        List<TrueBump> bumps = sim.bumpsIn(0, 20_000);
        assertTrue(bumps.size() > 100);
        Set<String> ids = new HashSet<>();
        for (TrueBump b : bumps) {
            assertTrue(ids.add(b.id()), "duplicate id " + b.id());
            assertTrue(b.height() >= 40 && b.height() <= TrueBump.MAX_HEIGHT_PX, b.toString());
            assertTrue(b.width() >= 80 && b.width() <= 160, b.toString());
            assertTrue(b.x() >= 0 && b.x() + b.width() <= 512, b.toString());
        }
    }

    @Test
    void particleCountPerBumpMatchesParticlesOnIt() {
        PanelSimulator sim = new PanelSimulator(settings(8, 0, 0, 0, 9));
        List<TrueBump> bumps = sim.bumpsIn(0, 4096);
        Map<String, Integer> counted = new HashMap<>();
        int resin = 0;
        for (TrueParticle p : sim.particlesIn(0, 4096)) {
            if (p.bumpId().isPresent()) {
                counted.merge(p.bumpId().get(), 1, Integer::sum);
            } else {
                resin++;
            }
        }
        int sparse = 0;
        for (TrueBump b : bumps) {
            assertEquals(b.particleCount(), counted.getOrDefault(b.id(), 0), b.id());
            if (b.particleCount() < 5) {
                sparse++;
            }
        }
        assertTrue(resin > 0, "some particles lie in the resin");
        assertTrue(sparse > 0 && sparse < bumps.size() / 3, "sparse bumps " + sparse + " of " + bumps.size());
    }

    @Test
    void particlesLieInsideTheirBump() {
        PanelSimulator sim = new PanelSimulator(settings(8, 0, 0, 0, 9));
        Map<String, TrueBump> byId = new HashMap<>();
        for (TrueBump b : sim.bumpsIn(0, 2048)) {
            byId.put(b.id(), b);
        }
        for (TrueParticle p : sim.particlesIn(0, 2048)) {
            if (p.bumpId().isEmpty()) {
                continue;
            }
            TrueBump b = byId.get(p.bumpId().get());
            assertTrue(p.x() - p.radiusPx() >= b.x() - 0.5 && p.x() + p.radiusPx() <= b.x() + b.width() - 0.5
                    && p.y() - p.radiusPx() >= b.y() - 0.5 && p.y() + p.radiusPx() <= b.y() + b.height() - 0.5,
                    p + " outside " + b);
            assertTrue(p.radiusPx() >= 3 && p.radiusPx() <= 5, "3-5 um diameter at 0.5 um/px: " + p);
        }
    }

    @Test
    void particleSizeFollowsTheOpticsScale() {
        for (double micronsPerPixel : new double[] {0.3, 1.0, 2.0}) {
            PanelSimulator sim = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(512)
                    .withLineRateHz(0).withDefocusSigmaPx(0).withNoiseSigma(0)
                    .withMicronsPerPixel(micronsPerPixel).withSeed(21));
            List<TrueParticle> particles = sim.particlesIn(0, 1024);
            assertFalse(particles.isEmpty());
            double least = Double.MAX_VALUE;
            double most = 0;
            for (TrueParticle p : particles) {
                least = Math.min(least, 2 * p.radiusPx() * micronsPerPixel);
                most = Math.max(most, 2 * p.radiusPx() * micronsPerPixel);
            }
            assertTrue(least >= 3 && most <= 5 && most - least > 1, micronsPerPixel + " um/px: diameters "
                    + least + " to " + most + " um");
        }
    }

    @Test
    void weakBumpsHaveParticlesWithReducedContrast() {
        PanelSimulator sim = new PanelSimulator(settings(8, 0, 0, 0, 13));
        List<TrueParticle> particles = sim.particlesIn(0, 8192);
        long weak = particles.stream().filter(TrueParticle::weak).count();
        assertTrue(weak > 0.03 * particles.size() && weak < 0.4 * particles.size(),
                weak + " weak of " + particles.size());
        for (TrueParticle p : particles) {
            assertTrue(p.contrast() >= 0.045 && p.contrast() <= 0.3, p.toString());
        }
    }

    @Test
    void frameReportsTruthRelativeToItsFirstLine() {
        PanelSimulator sim = new PanelSimulator(settings(8, 1, 0, 0.01, 17));
        SimulatedFrame frame = sim.frame(300, 400);
        assertEquals(sim.particlesIn(300, 400).size(), frame.particles().size());
        for (TrueParticle p : frame.particles()) {
            assertTrue(Math.round(p.y()) >= 0 && Math.round(p.y()) < 400, p.toString());
        }
        for (TrueBump b : frame.bumps()) {
            assertTrue(b.y() >= 0 && b.y() + b.height() <= 400, b.toString());
        }
        assertEquals(sim.bumpsIn(300, 400).size(), frame.bumps().size());
    }

    @Test
    void defocusLowersHighFrequencyEnergy() {
        PanelSimulator sim = new PanelSimulator(settings(16, 0, 0, 0, 21));
        double sharp = laplacianEnergy(sim.frame(0, 256, 0, 0, 0).image());
        double blurred = laplacianEnergy(sim.frame(0, 256, 2.0, 0, 0).image());
        assertTrue(blurred < 0.2 * sharp, "sharp " + sharp + ", blurred " + blurred);
    }

    @Test
    void motionBlurLowersVerticalDetailOnly() {
        PanelSimulator sim = new PanelSimulator(settings(16, 0, 0, 0, 21));
        Image sharp = sim.frame(0, 256, 0, 0, 0).image();
        Image moved = sim.frame(0, 256, 0, 8, 0).image();
        assertTrue(gradientEnergy(moved, 0, 1) < 0.5 * gradientEnergy(sharp, 0, 1));
        assertTrue(gradientEnergy(moved, 1, 0) > 0.5 * gradientEnergy(sharp, 1, 0));
    }

    @Test
    void sixteenBitOutputUsesTheFullRange() {
        Image img = new PanelSimulator(settings(16, 1, 0, 0.01, 4)).render(0, 256);
        assertEquals(16, img.bitDepth());
        int max = 0;
        boolean fine = false;
        for (short s : img.samples()) {
            int v = s & 0xFFFF;
            max = Math.max(max, v);
            fine |= v % 256 != 0;
        }
        assertTrue(max > 40_000 && max <= 65_535, "max " + max);
        assertTrue(fine, "16-bit values are not just 8-bit values scaled");
    }

    @Test
    void rejectsNegativeFirstLineAndEmptyRanges() {
        PanelSimulator sim = new PanelSimulator(settings(8, 0, 0, 0, 1));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sim.render(-1, 10));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> sim.render(0, 0));
    }

    private static double laplacianEnergy(Image img) {
        float[] v = img.channelAsFloat(0);
        int w = img.width();
        double sum = 0;
        for (int y = 1; y < img.height() - 1; y++) {
            for (int x = 1; x < w - 1; x++) {
                int i = y * w + x;
                double lap = 4 * v[i] - v[i - 1] - v[i + 1] - v[i - w] - v[i + w];
                sum += lap * lap;
            }
        }
        return sum;
    }

    private static double gradientEnergy(Image img, int dx, int dy) {
        float[] v = img.channelAsFloat(0);
        int w = img.width();
        double sum = 0;
        for (int y = 0; y < img.height() - dy; y++) {
            for (int x = 0; x < w - dx; x++) {
                double d = v[(y + dy) * w + x + dx] - v[y * w + x];
                sum += d * d;
            }
        }
        return sum;
    }
}
