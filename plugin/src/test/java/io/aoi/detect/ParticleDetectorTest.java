package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.image.Image;
import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ParticleDetectorTest {
    private static final BumpLayout WHOLE_FRAME = new BumpLayout.Automatic(40, 20);

    private static DetectorSettings settings(double minContrast, BumpLayout bumps, int minPerBump) {
        return DetectorSettings.builder().particleDiameterPx(4, 16).minContrast(minContrast)
                .micronsPerPixel(2.0).bumps(bumps).minParticlesPerBump(minPerBump).build();
    }

    private static Particle nearest(List<Particle> found, double x, double y) {
        Particle best = null;
        for (Particle p : found) {
            if (best == null || Math.hypot(p.x() - x, p.y() - y) < Math.hypot(best.x() - x, best.y() - y)) {
                best = p;
            }
        }
        return best;
    }

    @Test
    void findsIsolatedDiscsWithSubPixelCentresAndRadii() {
        Random random = new Random(11);
        TestFrames frames = new TestFrames(320, 160, 0.45);
        List<double[]> truth = new ArrayList<>();
        for (int row = 0; row < 3; row++) {
            for (int col = 0; col < 7; col++) {
                double r = 2 + random.nextDouble() * 6;
                double x = 24 + col * 42 + random.nextDouble();
                double y = 28 + row * 50 + random.nextDouble();
                frames.disc(x, y, r, 0.15 + 0.15 * random.nextDouble());
                truth.add(new double[] {x, y, r});
            }
        }
        Image image = frames.noise(0.01, 12).toImage(8);
        List<Particle> found = new ParticleDetector(settings(0.04, WHOLE_FRAME, 0)).detect(image).particles();
        assertEquals(truth.size(), found.size(), "found " + found);
        double worst = 0;
        for (double[] t : truth) {
            Particle p = nearest(found, t[0], t[1]);
            worst = Math.max(worst, Math.hypot(p.x() - t[0], p.y() - t[1]));
            assertEquals(t[2], p.radiusPx(), 1.0, "radius of " + p);
            assertTrue(p.score() > 0.5 && p.score() <= 1, "score of " + p);
        }
        assertTrue(worst < 0.5, "worst centre error " + worst + " px");
    }

    @Test
    void separatesTouchingPairsInAnyDirection() {
        TestFrames frames = new TestFrames(300, 100, 0.45);
        double[][] pairs = {
            {30, 30, 4, 0}, {100, 30, 5, 90}, {170, 30, 3, 45}, {240, 30, 4, 135},
            {30, 75, 6, 30}, {100, 75, 3, 120}, {170, 75, 5, 60}, {240, 75, 4, 160}};
        int expected = 0;
        for (double[] pair : pairs) {
            double angle = Math.toRadians(pair[3]);
            double d = 2 * pair[2];
            frames.disc(pair[0], pair[1], pair[2], 0.2);
            frames.disc(pair[0] + d * Math.cos(angle), pair[1] + d * Math.sin(angle), pair[2], 0.2);
            expected += 2;
        }
        Image image = frames.noise(0.01, 5).toImage(8);
        List<Particle> found = new ParticleDetector(settings(0.04, WHOLE_FRAME, 0)).detect(image).particles();
        assertEquals(expected, found.size(), "found " + found);
        for (double[] pair : pairs) {
            double angle = Math.toRadians(pair[3]);
            double d = 2 * pair[2];
            Particle a = nearest(found, pair[0], pair[1]);
            Particle b = nearest(found, pair[0] + d * Math.cos(angle), pair[1] + d * Math.sin(angle));
            assertTrue(a != b, "pair at " + pair[0] + "," + pair[1] + " found once");
            assertTrue(Math.hypot(a.x() - pair[0], a.y() - pair[1]) < 1.0, "first of pair " + a);
        }
    }

    @Test
    void acceptsWeakParticlesAboveMinContrastAndRejectsThoseBelow() {
        TestFrames frames = new TestFrames(320, 60, 0.45);
        double minContrast = 0.05;
        double[] contrasts = {0.03, 0.035, 0.04, 0.065, 0.07, 0.08};
        for (int i = 0; i < contrasts.length; i++) {
            frames.disc(30 + 50 * i, 30, 4, contrasts[i]);
        }
        Image image = frames.noise(0.003, 3).toImage(16);
        List<Particle> found = new ParticleDetector(settings(minContrast, WHOLE_FRAME, 0)).detect(image).particles();
        assertEquals(3, found.size(), "found " + found);
        for (Particle p : found) {
            assertTrue(p.x() > 30 + 50 * 3 - 2, "a particle below minContrast was accepted: " + p);
        }
    }

    @Test
    void sixteenBitFramesGiveTheSameParticlesAsEightBit() {
        Random random = new Random(21);
        TestFrames frames = new TestFrames(256, 128, 0.4);
        for (int i = 0; i < 20; i++) {
            frames.disc(12 + random.nextDouble() * 232, 12 + random.nextDouble() * 104, 2 + 5 * random.nextDouble(),
                    0.08 + 0.2 * random.nextDouble());
        }
        frames.noise(0.01, 22);
        ParticleDetector detector = new ParticleDetector(settings(0.04, WHOLE_FRAME, 0));
        List<Particle> eight = detector.detect(frames.toImage(8)).particles();
        List<Particle> sixteen = detector.detect(frames.toImage(16)).particles();
        assertEquals(eight.size(), sixteen.size());
        for (Particle p : eight) {
            Particle q = nearest(sixteen, p.x(), p.y());
            assertEquals(p.x(), q.x(), 0.1);
            assertEquals(p.y(), q.y(), 0.1);
            assertEquals(p.radiusPx(), q.radiusPx(), 0.2);
        }
    }

    @Test
    void followsTheConfiguredIlluminationAngle() {
        TestFrames frames = new TestFrames(200, 80, 0.45);
        frames.disc(40, 40, 5, 0.2, 90).disc(100, 40, 4, 0.2, 90).disc(160, 40, 5, 0.2, 0);
        Image image = frames.noise(0.005, 2).toImage(8);
        DetectorSettings litFromTop = DetectorSettings.builder().particleDiameterPx(4, 16).minContrast(0.04)
                .micronsPerPixel(2.0).illuminationAngleDeg(90).bumps(WHOLE_FRAME).minParticlesPerBump(0).build();
        List<Particle> found = new ParticleDetector(litFromTop).detect(image).particles();
        assertEquals(2, found.size(), "found " + found);
        assertTrue(found.stream().allMatch(p -> p.x() < 120), "the disc lit from +x is not a 90 degree relief");
        List<Particle> litFromRight = new ParticleDetector(settings(0.04, WHOLE_FRAME, 0)).detect(image).particles();
        assertEquals(1, litFromRight.size(), "found " + litFromRight);
        assertEquals(160, litFromRight.get(0).x(), 0.5);
    }

    @Test
    void refusesColourFramesNamingWhatIsAllowed() {
        ParticleDetector detector = new ParticleDetector(settings(0.04, WHOLE_FRAME, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> detector.detect(Image.blank(64, 64, 3, 8)));
        assertTrue(e.getMessage().contains("3 channels") && e.getMessage().contains("8- or 16-bit mono"),
                e.getMessage());
    }

    @Test
    void countsParticlesPerFixedBumpAndJudgesTheFrame() {
        TestFrames frames = new TestFrames(400, 120, 0.33);
        frames.bump(20, 30, 120, 56, 0.62).bump(200, 30, 120, 56, 0.62);
        double[][] left = {{40, 45}, {70, 50}, {100, 45}, {60, 70}, {110, 72}};
        double[][] right = {{230, 50}, {280, 66}};
        for (double[] p : left) {
            frames.disc(p[0], p[1], 4, 0.2);
        }
        for (double[] p : right) {
            frames.disc(p[0], p[1], 4, 0.2);
        }
        frames.disc(170, 100, 4, 0.2); // in the resin, outside every bump: not searched
        frames.disc(330, 108, 4, 0.2); // off the first layout; on the second one's cut bump: searched, not judged
        Image image = frames.noise(0.01, 4).toImage(8);
        BumpLayout.Fixed layout = new BumpLayout.Fixed(List.of(
                new BumpLayout.Bump("L", 20, 30, 120, 56),
                new BumpLayout.Bump("R", 200, 30, 120, 56)));
        Detection d = new ParticleDetector(settings(0.04, layout, 3)).detect(image);
        assertEquals(7, d.particles().size(), "found " + d.particles());
        assertTrue(d.particles().stream().noneMatch(p -> Math.abs(p.x() - 170) < 3), "resin " + d.particles());
        assertTrue(d.particles().stream().noneMatch(p -> Math.abs(p.x() - 330) < 3), "off the layout "
                + d.particles());
        assertEquals(2, d.bumps().size());
        BumpCount l = d.bumps().get(0);
        BumpCount r = d.bumps().get(1);
        assertEquals("L", l.id());
        assertEquals(5, l.count());
        assertTrue(l.ok());
        assertEquals(2, r.count());
        assertTrue(!r.ok());
        assertEquals(Verdict.NG, d.verdict());
        double areaMm2 = 2 * 120 * 56 * 2.0 * 2.0 * 1e-6;
        assertEquals(7 / areaMm2, d.densityPerMm2(), 1e-6);

        BumpLayout withCut = new BumpLayout.Fixed(List.of(layout.bumps().get(0), layout.bumps().get(1),
                new BumpLayout.Bump("cut", 300, 100, 60, 40)));
        Detection cut = new ParticleDetector(settings(0.04, withCut, 3)).detect(image);
        assertEquals(8, cut.particles().size(), "found " + cut.particles());
        assertTrue(cut.particles().stream().anyMatch(p -> Math.abs(p.x() - 330) < 1 && Math.abs(p.y() - 108) < 1),
                "partial bump " + cut.particles());
        assertEquals(2, cut.bumps().size(), "the bump reaching past the bottom edge is not judged");
        assertEquals(Verdict.NO_DECISION, cut.verdict(), "a rectangle of the layout is not wholly seen");
    }

    @Test
    void findsAutomaticBumpsAndLeavesPartialOnesAtTheEdgesUnjudged() {
        TestFrames frames = new TestFrames(400, 160, 0.33);
        frames.bump(20, 40, 120, 56, 0.62).bump(200, 50, 100, 48, 0.62).bump(40, 120, 100, 40, 0.62);
        for (int i = 0; i < 5; i++) {
            frames.disc(40 + 20 * i, 60, 4, 0.2);
        }
        Image image = frames.noise(0.01, 9).toImage(8);
        Detection d = new ParticleDetector(settings(0.04, new BumpLayout.Automatic(60, 32), 5)).detect(image);
        assertEquals(2, d.bumps().size(), "bumps " + d.bumps());
        BumpCount first = d.bumps().get(0);
        assertEquals(20, first.x(), 1);
        assertEquals(40, first.y(), 1);
        assertEquals(120, first.width(), 2);
        assertEquals(56, first.height(), 2);
        assertEquals(5, first.count());
        assertEquals(0, d.bumps().get(1).count());
        assertEquals(Verdict.NG, d.verdict());
    }

    @Test
    void aFrameWithoutBumpsGetsNoDecisionNeverOk() {
        Image image = new TestFrames(128, 64, 0.3).bump(0, 0, 64, 64, 0.6).noise(0.01, 1).toImage(8);
        Detection d = new ParticleDetector(settings(0.04, new BumpLayout.Automatic(60, 32), 5)).detect(image);
        assertTrue(d.bumps().isEmpty(), "the only bright area touches the frame edges: partial");
        assertEquals(Verdict.NO_DECISION, d.verdict());
        assertEquals("no bump found in the frame", d.reason());
        assertEquals(0, d.densityPerMm2());
    }
}
