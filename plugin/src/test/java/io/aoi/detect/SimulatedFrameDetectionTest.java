package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.camera.sim.TrueBump;
import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.wiener.WienerDeblurrer;
import io.aoi.eval.DetectionEvaluation;
import io.aoi.eval.EvaluationSettings;
import io.aoi.eval.MatchStats;
import io.aoi.eval.ParticleMatcher;
import io.aoi.image.Image;
import io.aoi.results.BumpCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The detector on frames of the panel simulator, scored against its ground truth. */
class SimulatedFrameDetectionTest {
    private static final int WIDTH = 640;
    private static final int ROWS = 384;
    private static final DetectorSettings SETTINGS =
            DetectorSettings.builder().particleDiameterPx(5, 12).minContrast(0.04).micronsPerPixel(0.5)
                    .bumps(new BumpLayout.Automatic(60, 32)).minParticlesPerBump(5).build();

    private static SimulatedFrame sharpFrame(long seed, int bitDepth) {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(WIDTH)
                .withBitDepth(bitDepth).withLineRateHz(0).withDefocusSigmaPx(0).withSeed(seed));
        return simulator.frame(300, ROWS, 0, 0, 0.01);
    }

    @Test
    void reachesPrecisionAndRecallOf098OnSharpSimulatedFrames() {
        ParticleDetector detector = new ParticleDetector(SETTINGS);
        MatchStats pooled = MatchStats.NONE;
        for (long seed = 1; seed <= 3; seed++) {
            SimulatedFrame frame = sharpFrame(seed, 8);
            Detection d = detector.detect(frame.image());
            MatchStats m = ParticleMatcher.match(d.particles(), frame.particles(), WIDTH, ROWS);
            System.out.printf("seed %d: precision %.4f recall %.4f F1 %.4f (%s)%n", seed, m.precision(), m.recall(),
                    m.f1(), m);
            assertTrue(m.precision() >= 0.98 && m.recall() >= 0.98, "seed " + seed + ": " + m);
            pooled = pooled.plus(m);
        }
        assertTrue(pooled.f1() >= 0.98, "pooled " + pooled);
    }

    @Test
    void theNoiseFactorKeepsWienerAmplifiedNoiseFromPassingForParticles() throws DeblurException {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(WIDTH)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(7));
        SimulatedFrame truth = simulator.frame(300, ROWS, 0, 0, 0.01);
        Image blurred = simulator.frame(300, ROWS, 2.5, 0, 0.01).image();
        DetectorSettings demo = EvaluationSettings.defaultDetector();
        try (WienerDeblurrer wiener = new WienerDeblurrer(2.5, DetectionEvaluation.DEFAULT_NOISE_TO_SIGNAL)) {
            Image restored = wiener.deblur(blurred, 1);
            Detection fixed = new ParticleDetector(demo.withContrastNoiseFactor(0)).detect(restored);
            Detection measured = new ParticleDetector(demo).detect(restored);
            MatchStats before = ParticleMatcher.match(fixed.particles(), truth.particles(), WIDTH, ROWS);
            MatchStats after = ParticleMatcher.match(measured.particles(), truth.particles(), WIDTH, ROWS);

            assertTrue(measured.contrastThreshold() > 1.5 * demo.minContrast(),
                    "threshold " + measured.contrastThreshold());
            assertTrue(after.precision() > before.precision() + 0.2, before + " -> " + after);
            assertTrue(after.f1() >= 0.9, "F1 with the measured threshold: " + after);
        }
    }

    @Test
    void findsEveryWholeSimulatedBumpAutomatically() {
        ParticleDetector detector = new ParticleDetector(SETTINGS);
        for (long seed = 4; seed <= 5; seed++) {
            SimulatedFrame frame = sharpFrame(seed, 16);
            Detection d = detector.detect(frame.image());
            assertEquals(frame.bumps().size(), d.bumps().size(), "seed " + seed + ": " + d.bumps());
            for (TrueBump t : frame.bumps()) {
                BumpCount found = d.bumps().stream()
                        .filter(b -> Math.abs(b.x() - t.x()) <= 2 && Math.abs(b.y() - t.y()) <= 2)
                        .findFirst().orElseThrow(() -> new AssertionError("bump " + t + " not found"));
                assertEquals(t.width(), found.width(), 3);
                assertEquals(t.height(), found.height(), 3);
                assertEquals(t.particleCount() >= 5, found.ok(), "verdict of " + t + " vs " + found);
            }
        }
    }

    @Test
    void searchingOnlyTheBumpsFindsWhatASearchOfTheWholeFrameFindsOnThem() {
        SimulatedFrame frame = sharpFrame(6, 8);
        Detection onBumps = new ParticleDetector(SETTINGS).detect(frame.image());
        DetectorSettings wholeFrame = DetectorSettings.builder().particleDiameterPx(5, 12).minContrast(0.04)
                .micronsPerPixel(0.5)
                .bumps(new BumpLayout.Fixed(List.of(new BumpLayout.Bump("all", 0, 0, WIDTH, ROWS))))
                .minParticlesPerBump(5).build();
        List<Particle> everywhere = new ParticleDetector(wholeFrame).detect(frame.image()).particles();
        assertTrue(onBumps.bumps().size() >= 5, "bumps " + onBumps.bumps());
        for (BumpCount b : onBumps.bumps()) {
            long expected = everywhere.stream().filter(p -> p.x() >= b.x() - 0.5 && p.x() < b.x() + b.width() - 0.5
                    && p.y() >= b.y() - 0.5 && p.y() < b.y() + b.height() - 0.5).count();
            assertEquals(expected, b.count(), "bump " + b);
        }
        assertTrue(onBumps.particles().size() <= everywhere.size(), "more particles than the whole-frame search");
    }
}
