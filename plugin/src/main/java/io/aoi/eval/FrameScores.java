package io.aoi.eval;

import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.detect.Detection;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;

/**
 * One detector input scored against the truth of its frame: particles matched with {@link ParticleMatcher}
 * (particles cut by the frame border optional) and bump verdicts compared with {@link BumpVerdicts}.
 *
 * @param particles              detections against the true particles
 * @param classes                which of the true particles that count were found, by kind
 * @param bumps                  per-bump OK/NG against the truth
 * @param contrastThresholdSum   the detections' contrast thresholds added up (NaN ones left out)
 * @param contrastThresholdCount how many thresholds were added
 */
record FrameScores(MatchStats particles, ParticleClasses classes, VerdictStats bumps, double contrastThresholdSum,
        int contrastThresholdCount) {

    /**
     * Runs {@code detector} on {@code input}, restored from {@code captured} ({@link ParticleDetector#detect(Image,
     * Image)}), and scores it against {@code truth} (same lines, same size).
     */
    static FrameScores of(ParticleDetector detector, Image input, Image captured, SimulatedFrame truth) {
        Detection d = detector.detect(input, captured);
        boolean known = !Double.isNaN(d.contrastThreshold());
        ParticleMatcher.Matched m = ParticleMatcher.matchClassified(d.particles(), truth.particles(), input.width(),
                input.height());
        return new FrameScores(m.stats(), m.classes(), BumpVerdicts.compare(d.bumps(), truth.bumps(), input.height(),
                detector.settings().minParticlesPerBump()), known ? d.contrastThreshold() : 0, known ? 1 : 0);
    }

    /** Counts of both added, for pooling over frames. */
    FrameScores plus(FrameScores other) {
        return new FrameScores(particles.plus(other.particles), classes.plus(other.classes), bumps.plus(other.bumps),
                contrastThresholdSum + other.contrastThresholdSum,
                contrastThresholdCount + other.contrastThresholdCount);
    }

    /** The mean contrast threshold of the detections; NaN when none was known. */
    double meanContrastThreshold() {
        return contrastThresholdCount == 0 ? Double.NaN : contrastThresholdSum / contrastThresholdCount;
    }
}
