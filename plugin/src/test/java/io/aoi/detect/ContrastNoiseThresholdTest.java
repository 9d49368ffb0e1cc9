package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contrast threshold from the frame's measured amplitude noise ({@code detector.contrastNoiseFactor}), on seeded
 * synthetic frames with known particles and known noise.
 */
class ContrastNoiseThresholdTest {
    private static final int W = 360;
    private static final int H = 200;
    private static final BumpRegion BUMP = new BumpRegion("b", 20, 20, 320, 160);
    private static final double MIN_CONTRAST = 0.018;
    private static final DetectorSettings SETTINGS = DetectorSettings.builder().particleDiameterPx(5, 12)
            .minContrast(MIN_CONTRAST).micronsPerPixel(0.5)
            .bumps(new BumpLayout.Fixed(List.of(new BumpLayout.Bump("b", BUMP.x(), BUMP.y(), BUMP.width(),
                    BUMP.height()))))
            .minParticlesPerBump(0).build();
    /** Relative error allowed for the measured amplitude noise. */
    private static final double NOISE_TOLERANCE = 0.10;

    /** A bump with {@code count} high-contrast particles (0.12 to 0.2, radius 3 to 5 px) on a grid, no noise yet. */
    private static TestFrames bumpWithParticles(int count, List<double[]> truth, long seed) {
        Random random = new Random(seed);
        TestFrames frames = new TestFrames(W, H, 0.3).bump(BUMP.x(), BUMP.y(), BUMP.width(), BUMP.height(), 0.6);
        int columns = 8;
        for (int i = 0; i < count; i++) {
            double x = 45 + (i % columns) * 38 + random.nextDouble() * 4;
            double y = 50 + (i / columns) * 50 + random.nextDouble() * 4;
            frames.disc(x, y, 3 + 2 * random.nextDouble(), 0.12 + 0.08 * random.nextDouble());
            truth.add(new double[] {x, y});
        }
        return frames;
    }

    private static ParticleFinder.Found find(float[] plane, double factor) {
        ParticleFinder finder = new ParticleFinder(SETTINGS.minDiameterPx(), SETTINGS.maxDiameterPx());
        return finder.find(plane, W, H, SearchRegions.of(List.of(BUMP), W, H), 0, MIN_CONTRAST, factor);
    }

    /** The plain standard deviation of the fitted amplitude of radius r over a pure noise field. */
    private static double amplitudeSpread(float[] field, double radiusPx) {
        ReliefTemplate t = new ReliefTemplate(radiusPx, 0);
        float[] weights = t.weights();
        int half = t.side() / 2;
        double sum = 0;
        double sumSquares = 0;
        int n = 0;
        for (int y = half; y < H - half; y += 2) {
            for (int x = half; x < W - half; x += 2) {
                double a = 0;
                for (int j = 0; j < t.side(); j++) {
                    for (int i = 0; i < t.side(); i++) {
                        a += weights[j * t.side() + i] * field[(y + j - half) * W + x + i - half];
                    }
                }
                a /= t.energy();
                sum += a;
                sumSquares += a * a;
                n++;
            }
        }
        double mean = sum / n;
        return Math.sqrt(sumSquares / n - mean * mean);
    }

    private static int matched(List<Particle> found, List<double[]> truth) {
        int hits = 0;
        for (double[] t : truth) {
            for (Particle p : found) {
                if (Math.hypot(p.x() - t[0], p.y() - t[1]) < 1.5) {
                    hits++;
                    break;
                }
            }
        }
        return hits;
    }

    @Test
    void measuresWhiteNoiseAsTheNoiseOverTheTemplateNorm() {
        double sigma = 0.01;
        float[] plane = bumpWithParticles(8, new ArrayList<>(), 1).noise(sigma, 2).plane();
        ParticleFinder finder = new ParticleFinder(SETTINGS.minDiameterPx(), SETTINGS.maxDiameterPx());
        double[] radii = finder.radiiPx();
        double[] measured = find(plane, 3).noisePerRadius();
        for (int k = 1; k < radii.length - 1; k++) {
            double expected = sigma / Math.sqrt(new ReliefTemplate(radii[k], 0).energy());
            assertEquals(expected, measured[k], NOISE_TOLERANCE * expected, "radius " + radii[k] + " px");
        }
    }

    @Test
    void measuresCorrelatedNoiseWithoutAModelOfItsColour() {
        double sigma = 0.02;
        double blurPx = 1.2;
        float[] field = TestFrames.colouredField(W, H, blurPx, 3);
        float[] plane = bumpWithParticles(8, new ArrayList<>(), 4).colouredNoise(sigma, blurPx, 3).plane();
        ParticleFinder finder = new ParticleFinder(SETTINGS.minDiameterPx(), SETTINGS.maxDiameterPx());
        double[] radii = finder.radiiPx();
        double[] measured = find(plane, 3).noisePerRadius();
        for (int k = 1; k < radii.length - 1; k++) {
            double expected = sigma * amplitudeSpread(field, radii[k]);
            // correlated noise falls off more slowly with the radius than white noise: no 1 / radius rule holds
            assertEquals(expected, measured[k], NOISE_TOLERANCE * expected, "radius " + radii[k] + " px");
        }
    }

    @Test
    void aNoisyFrameRaisesTheThresholdDropsTheSpecksAndKeepsStrongParticles() {
        List<double[]> truth = new ArrayList<>();
        Image image = bumpWithParticles(24, truth, 5).colouredNoise(0.025, 1.0, 6).toImage(16);
        Detection fixed = new ParticleDetector(SETTINGS.withContrastNoiseFactor(0)).detect(image);
        Detection measured = new ParticleDetector(SETTINGS.withContrastNoiseFactor(3)).detect(image);

        assertEquals(MIN_CONTRAST, fixed.contrastThreshold());
        assertTrue(measured.contrastThreshold() > 2 * MIN_CONTRAST, "threshold " + measured.contrastThreshold());
        int falseFixed = fixed.particles().size() - matched(fixed.particles(), truth);
        int falseMeasured = measured.particles().size() - matched(measured.particles(), truth);
        assertTrue(falseFixed >= 20, "the speckled frame should fool the fixed threshold; " + falseFixed + " false");
        assertTrue(falseMeasured <= falseFixed / 5, falseMeasured + " false with the measured threshold, "
                + falseFixed + " with the fixed one");
        assertEquals(truth.size(), matched(measured.particles(), truth), "strong particles kept");
    }

    @Test
    void aQuietFrameKeepsMinContrastAndItsParticles() {
        List<double[]> truth = new ArrayList<>();
        Image image = bumpWithParticles(24, truth, 7).noise(0.003, 8).toImage(16);
        Detection fixed = new ParticleDetector(SETTINGS.withContrastNoiseFactor(0)).detect(image);
        Detection measured = new ParticleDetector(SETTINGS.withContrastNoiseFactor(3)).detect(image);

        assertEquals(MIN_CONTRAST, measured.contrastThreshold());
        assertEquals(fixed.particles(), measured.particles());
        assertEquals(truth.size(), matched(measured.particles(), truth));
    }

    @Test
    void coarseTextureThatInflatesTheLargeRadiiDoesNotRaiseTheThresholdOfAQuietFrame() {
        List<double[]> truth = new ArrayList<>();
        // fine noise as low as a restored frame's, texture as coarse as a bump's: the larger the template, the
        // more of the texture it takes for noise
        float[] plane = bumpWithParticles(24, truth, 11).noise(0.003, 12).colouredNoise(0.015, 8, 13).plane();
        double factor = 2.5;
        ParticleFinder.Found off = find(plane, 0);
        ParticleFinder.Found measured = find(plane, factor);
        double[] perRadius = measured.noisePerRadius();
        int largest = perRadius.length - 2;

        assertTrue(factor * perRadius[largest] > MIN_CONTRAST && perRadius[largest] > 1.5 * perRadius[1],
                "the texture should inflate the estimate of the largest radius: " + Arrays.toString(
                        perRadius));
        assertEquals(MIN_CONTRAST, measured.contrastThreshold(), "capped by the smallest radius's estimate");
        assertEquals(perRadius[1], measured.amplitudeNoise());
        assertEquals(off.particles(), measured.particles());
        assertEquals(truth.size(), matched(measured.particles(), truth));
    }

    @Test
    void cappingKeepsTheLowestEstimateOfEverySmallerRadiusAndLeavesTheLowerGuard() {
        double[] capped = AmplitudeNoise.cappedBySmallerRadii(new double[] {Double.NaN, 0.004, 0.006, 0.003, 0.005});
        assertTrue(Double.isNaN(capped[0]));
        assertEquals(0.004, capped[1]);
        assertEquals(0.004, capped[2]);
        assertEquals(0.003, capped[3]);
        assertEquals(0.003, capped[4]);
    }

    @Test
    void factorZeroMeasuresNothingAndFindsWhatAThresholdOfMinContrastFinds() {
        Image image = bumpWithParticles(24, new ArrayList<>(), 9).colouredNoise(0.025, 1.0, 10).toImage(8);
        float[] plane = MonoPlane.of(image);
        ParticleFinder.Found off = find(plane, 0);
        // a factor so small that the threshold stays at minContrast, through the measuring path
        ParticleFinder.Found floored = find(plane, 1e-9);
        ParticleFinder finder = new ParticleFinder(SETTINGS.minDiameterPx(), SETTINGS.maxDiameterPx());

        assertTrue(Double.isNaN(off.amplitudeNoise()), "nothing measured with factor 0");
        assertTrue(floored.amplitudeNoise() > 0, "measured " + floored.amplitudeNoise());
        assertEquals(MIN_CONTRAST, off.contrastThreshold());
        assertEquals(MIN_CONTRAST, floored.contrastThreshold());
        assertTrue(off.particles().size() > 24, "noise specks found at minContrast: " + off.particles().size());
        assertEquals(off.particles(), floored.particles());
        assertEquals(off.particles(), finder.find(plane, W, H, SearchRegions.of(List.of(BUMP), W, H), 0,
                MIN_CONTRAST));
        assertEquals(off.particles(), new ParticleDetector(SETTINGS.withContrastNoiseFactor(0)).detect(image)
                .particles());
    }
}
