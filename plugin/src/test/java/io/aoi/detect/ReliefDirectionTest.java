package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.eval.MatchStats;
import io.aoi.eval.ParticleMatcher;
import io.aoi.image.Image;
import org.junit.jupiter.api.Test;

/** The shear direction estimated from simulated panels rendered with known directions. */
class ReliefDirectionTest {
    private static final int WIDTH = 640;
    private static final int ROWS = 384;
    private static final DetectorSettings FIXED_ZERO =
            DetectorSettings.builder().particleDiameterPx(5, 12).minContrast(0.018).micronsPerPixel(0.5)
                    .bumps(new BumpLayout.Automatic(60, 32)).minParticlesPerBump(5).build();

    private static PanelSimulator simulator(double shearDeg, double particlesPerBump) {
        return new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(WIDTH).withLineRateHz(0)
                .withDefocusSigmaPx(0).withParticlesPerBump(particlesPerBump).withSeed(5), shearDeg);
    }

    /** Signed difference of two directions, in (-180, 180]. */
    private static double difference(double a, double b) {
        double d = Math.IEEEremainder(a - b, 360);
        return d == -180 ? 180 : d;
    }

    @Test
    void estimatesTheShearDirectionOfSharpAndBlurredFrames() {
        ParticleDetector detector = new ParticleDetector(FIXED_ZERO);
        for (double shear : new double[] {0, 120, -150, 37}) {
            for (double sigma : new double[] {0, 2.5}) {
                DirectionEstimate e = detector.estimateDirection(simulator(shear, 12).frame(300, ROWS, sigma, 0,
                        0.01).image());
                assertTrue(e.confident(), "shear " + shear + ", sigma " + sigma + ": " + e);
                assertEquals(0, difference(e.angleDeg(), shear), 3, "shear " + shear + ", sigma " + sigma + ": " + e);
            }
        }
    }

    @Test
    void sharpFramesReadTheirDirectionWithoutLeaningTowardsAnAxis() {
        // before peaks on a search window's edge were refused, every frame here read 0.5 to 3.5 degrees low
        ParticleDetector detector = new ParticleDetector(FIXED_ZERO);
        for (double shear : new double[] {30, 52, 60, 70}) {
            PanelSimulator simulator = simulator(shear, 12);
            double sum = 0;
            for (int f = 0; f < 6; f++) {
                DirectionEstimate e = detector.estimateDirection(simulator.frame(300 + f * ROWS, ROWS, 0, 0, 0.01)
                        .image());
                double error = difference(e.angleDeg(), shear);
                assertEquals(0, error, 1.5, "shear " + shear + ", frame " + f + ": " + e);
                sum += error;
            }
            assertEquals(0, sum / 6, 0.5, "shear " + shear + ": mean error over 6 frames");
        }
    }

    @Test
    void framesAtSigma4PoolToTheirDirection() {
        ParticleDetector detector = new ParticleDetector(FIXED_ZERO);
        for (double shear : new double[] {30, 52, 60, 70}) {
            PanelSimulator simulator = simulator(shear, 12);
            DirectionPool pool = DirectionPool.everyFrame();
            for (int f = 0; f < 6; f++) {
                pool.add(detector.estimateDirection(simulator.frame(300 + f * ROWS, ROWS, 4.0, 0, 0.01).image()));
            }
            assertTrue(pool.frames() >= 5 && pool.confident(), "shear " + shear + ": " + pool.frames()
                    + " frames, " + pool.particles() + " particles pooled");
            assertEquals(0, difference(pool.angleDeg().getAsDouble(), shear), 2, "shear " + shear);
        }
    }

    @Test
    void bumpsWithoutParticlesGiveNoConfidentDirection() {
        DirectionEstimate e = new ParticleDetector(FIXED_ZERO).estimateDirection(
                simulator(45, 0).frame(300, ROWS, 0, 0, 0.01).image());
        assertFalse(e.confident(), "texture alone: " + e);
    }

    @Test
    void autoModeFindsTheParticlesOfAnotherShearDirectionAndKeepsItWithoutParticles() {
        ParticleDetector auto = new ParticleDetector(FIXED_ZERO.withAutoIlluminationAngle(0));
        SimulatedFrame frame = simulator(120, 12).frame(300, ROWS, 0, 0, 0.01);
        Detection d = auto.detect(frame.image());
        assertEquals(0, difference(d.illuminationAngleDeg(), 120), 3, "direction used " + d.illuminationAngleDeg());
        MatchStats m = ParticleMatcher.match(d.particles(), frame.particles(), WIDTH, ROWS);
        assertTrue(m.f1() >= 0.97, "auto at 120 degrees: " + m);
        MatchStats fixed = ParticleMatcher.match(new ParticleDetector(FIXED_ZERO).detect(frame.image()).particles(),
                frame.particles(), WIDTH, ROWS);
        assertTrue(fixed.f1() < 0.5, "the fixed 0 degree detector misses them: " + fixed);

        Detection empty = auto.detect(simulator(120, 0).frame(300, ROWS, 0, 0, 0.01).image());
        assertEquals(d.illuminationAngleDeg(), empty.illuminationAngleDeg(), 3, "the pooled direction");
        assertEquals(0, new ParticleDetector(FIXED_ZERO).detect(frame.image()).illuminationAngleDeg());
    }

    @Test
    void theDirectionForAFrameBeforeItIsRestoredIsTheFixedAngleOrTheAutoEstimateOfTheBlurredFrame() {
        Image blurred = simulator(120, 12).frame(300, ROWS, 3.0, 0, 0.01).image();
        assertEquals(35, new ParticleDetector(FIXED_ZERO.withIlluminationAngleDeg(35)).shearDirectionFor(blurred));
        ParticleDetector auto = new ParticleDetector(FIXED_ZERO.withAutoIlluminationAngle(-60));
        assertEquals(-60, auto.shearDirectionFor(Image.blank(WIDTH, ROWS, 3, 8)), "a colour frame: the fallback");
        double estimate = auto.shearDirectionFor(blurred);
        assertEquals(0, difference(estimate, 120), 4, "defocus 3 px keeps the relief's direction: " + estimate);
        // pooled: a frame without particles, and one too small to hold one, keep it
        double pooled = auto.shearDirectionFor(simulator(120, 0).frame(300, ROWS, 3.0, 0, 0.01).image());
        assertEquals(estimate, pooled, 3, "a frame without particles");
        assertEquals(pooled, auto.shearDirectionFor(Image.blank(4, 4, 1, 8)));
        assertEquals(pooled, auto.detect(Image.blank(WIDTH, ROWS, 1, 8)).illuminationAngleDeg());
    }

    @Test
    void autoModeDetectsARestoredFrameInTheDirectionOfTheFrameAsCaptured() {
        // a model trained on one direction leans the relief it restores towards it: here the "restored" frame is
        // one rendered at 100 degrees, the frame as captured is at 120 degrees and blurred
        Image restored = simulator(100, 12).frame(300, ROWS, 0, 0, 0.01).image();
        Image captured = simulator(120, 12).frame(300, ROWS, 3.0, 0, 0.01).image();
        double own = new ParticleDetector(FIXED_ZERO.withAutoIlluminationAngle(0)).detect(restored)
                .illuminationAngleDeg();
        assertEquals(0, difference(own, 100), 3, "read from the restored frame: " + own);
        ParticleDetector auto = new ParticleDetector(FIXED_ZERO.withAutoIlluminationAngle(0));
        double held = auto.detect(restored, captured).illuminationAngleDeg();
        assertEquals(0, difference(held, 120), 4, "read from the frame as captured: " + held);
        assertEquals(held, auto.shearDirectionFor(captured), 1e-9, "as the deblurrer was told");

        ParticleDetector fixed = new ParticleDetector(FIXED_ZERO.withIlluminationAngleDeg(35));
        assertEquals(35, fixed.detect(restored, Image.blank(WIDTH, ROWS, 1, 8)).illuminationAngleDeg(),
                "a fixed angle does not read its direction from the captured frame");
    }

    @Test
    void aFrameWithTooFewParticlesForItselfStillSetsTheDirectionOfAStationThatHasNoneYet() {
        // defocus 4 px leaves a frame only a few readable particles: find one below MIN_PARTICLES
        PanelSimulator simulator = simulator(52, 12);
        ParticleDetector reader = new ParticleDetector(FIXED_ZERO);
        Image sparse = null;
        DirectionEstimate own = null;
        for (long line = 0; line < 20 * ROWS && sparse == null; line += ROWS) {
            Image frame = simulator.frame(line, ROWS, 4.0, 0, 0.01).image();
            DirectionEstimate e = reader.estimateDirection(frame);
            if (!e.confident() && e.particles() >= DirectionPool.MIN_FRAME_PARTICLES
                    && e.confidence() >= DirectionEstimate.MIN_CONFIDENCE) {
                sparse = frame;
                own = e;
            }
        }
        assertTrue(sparse != null, "no frame with a few agreeing particles at sigma 4 in 20 frames");
        double held = new ParticleDetector(FIXED_ZERO.withAutoIlluminationAngle(-90)).shearDirectionFor(sparse);
        assertEquals(own.angleDeg(), held, 1e-9, "the frame's own estimate, " + own);
        // a few particles read the direction roughly, far nearer than the fallback 142 degrees off
        assertEquals(0, difference(held, 52), 20, "not the fallback -90: " + held);
    }
}
