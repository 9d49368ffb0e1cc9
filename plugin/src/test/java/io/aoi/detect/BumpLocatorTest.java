package io.aoi.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.camera.sim.TrueBump;
import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.PixelRegion;
import io.aoi.image.Image;
import java.util.List;
import org.junit.jupiter.api.Test;

class BumpLocatorTest {
    private static final DetectorSettings AUTOMATIC = DetectorSettings.builder().particleDiameterPx(5, 12)
            .minContrast(0.018).micronsPerPixel(0.5).bumps(new BumpLayout.Automatic(60, 32))
            .minParticlesPerBump(5).build();

    @Test
    void aStationsLocatorAndItsDetectorFindTheBumpsOfACapturedFrameOnce() {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(512)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(7), 30);
        Image captured = simulator.frame(300, 512, 2.5, 0, 0.01).image();
        ParticleDetector detector = new ParticleDetector(AUTOMATIC.withAutoIlluminationAngle(0));
        List<PixelRegion> regions = new BumpLocator(detector).find(captured);
        BumpFinder.Found held = detector.capturedBumps(captured, null);
        assertSame(held, detector.capturedBumps(captured, null), "found once for the frame instance");
        assertEquals(regions.size(), held.all().size());
        // the direction estimate reads the same bumps: it agrees with a detector that finds them afresh
        assertEquals(new ParticleDetector(AUTOMATIC.withAutoIlluminationAngle(0)).shearDirectionFor(captured),
                detector.shearDirectionFor(captured), 1e-9);
        assertEquals(regions, new BumpLocator(AUTOMATIC).find(captured), "the same as one built from the settings");
    }

    @Test
    void findsEveryTrueBumpOnABlurredFrame() {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(512)
                .withLineRateHz(0).withDefocusSigmaPx(0).withSeed(7));
        SimulatedFrame blurred = simulator.frame(300, 512, 2.5, 0, 0.01);

        List<PixelRegion> found = new BumpLocator(AUTOMATIC).find(blurred.image());

        assertTrue(blurred.bumps().size() >= 6, "the test frame holds several whole bumps");
        for (TrueBump t : blurred.bumps()) {
            double best = 0;
            for (PixelRegion r : found) {
                best = Math.max(best, overlap(t, r));
            }
            assertTrue(best >= 0.8, "true bump " + t + " found with intersection over union " + best);
        }
    }

    @Test
    void keepsBumpsCutByTheFrameEdgeWhoseParticlesAreInTheFrame() {
        short[] s = new short[200 * 100];
        java.util.Arrays.fill(s, (short) 40);
        for (int y = 0; y < 40; y++) {
            for (int x = 20; x < 120; x++) {
                s[y * 200 + x] = 200;
            }
        }
        Image frame = new Image(200, 100, 1, 8, s);

        assertEquals(List.of(new PixelRegion(20, 0, 100, 40)), new BumpLocator(AUTOMATIC).find(frame));
    }

    @Test
    void fixedBumpsAreClippedToTheFrame() {
        DetectorSettings fixed = DetectorSettings.builder().particleDiameterPx(5, 12).minContrast(0.018)
                .micronsPerPixel(0.5).minParticlesPerBump(5).bumps(new BumpLayout.Fixed(List.of(
                        new BumpLayout.Bump("A", 10, 10, 50, 20), new BumpLayout.Bump("B", 180, 90, 50, 20),
                        new BumpLayout.Bump("C", 300, 10, 10, 10))))
                .build();

        List<PixelRegion> found = new BumpLocator(fixed).find(Image.blank(200, 100, 1, 8));

        assertEquals(List.of(new PixelRegion(10, 10, 50, 20), new PixelRegion(180, 90, 20, 10)), found);
    }

    private static double overlap(TrueBump t, PixelRegion r) {
        double ix = Math.max(0, Math.min(t.x() + t.width(), r.right()) - Math.max(t.x(), r.x()));
        double iy = Math.max(0, Math.min(t.y() + t.height(), r.bottom()) - Math.max(t.y(), r.y()));
        double i = ix * iy;
        return i / ((double) t.width() * t.height() + r.areaPx() - i);
    }
}
