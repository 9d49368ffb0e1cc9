package io.aoi.plugin.pipeline;

import io.aoi.camera.Frame;
import io.aoi.detect.Detection;
import io.aoi.detect.Particle;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;

/**
 * Inspects a frame with the particle detector and counts only the particles the frame owns
 * ({@link Frame#owns(double)}), so that a particle in the rows two overlapping frames share is counted once over
 * the scan. Bumps are judged whole by the detector (a bump cut by the frame edge is judged in the neighbouring
 * frame that holds it whole).
 */
public final class DetectorInspector implements FrameInspector {
    private final ParticleDetector detector;

    public DetectorInspector(ParticleDetector detector) {
        this.detector = detector;
    }

    @Override
    public Inspection inspect(Frame frame, Image restored) {
        Detection d = detector.detect(restored, frame.image());
        int owned = 0;
        for (Particle p : d.particles()) {
            if (frame.owns(p.y())) {
                owned++;
            }
        }
        return new Inspection(owned, d.densityPerMm2(), d.bumps(), d.verdict(), d.reason(),
                d.illuminationAngleDeg(), d.contrastThreshold());
    }
}
