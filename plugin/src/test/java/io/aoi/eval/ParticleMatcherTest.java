package io.aoi.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.TrueParticle;
import io.aoi.detect.Particle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ParticleMatcherTest {
    private static TrueParticle truth(double x, double y, double r) {
        return new TrueParticle(x, y, r, 0.2, Optional.of("B1"));
    }

    private static Particle found(double x, double y) {
        return new Particle(x, y, 3, 0.9);
    }

    @Test
    void matchesWithinOneTrueRadiusOneToOne() {
        List<TrueParticle> truth = List.of(truth(10, 10, 3), truth(30, 10, 2));
        // two detections near the first particle, one just outside the second's radius
        List<Particle> detections = List.of(found(11, 10), found(10, 12), found(32.5, 10));
        MatchStats m = ParticleMatcher.match(detections, truth);
        assertEquals(new MatchStats(1, 2, 1), m);
        assertEquals(1 / 3.0, m.precision(), 1e-12);
        assertEquals(0.5, m.recall(), 1e-12);
        assertEquals(0.4, m.f1(), 1e-12);
    }

    @Test
    void talliesTheParticlesThatCountBySizeAndWeakness() {
        List<TrueParticle> truth = List.of(new TrueParticle(10, 10, 3.2, 0.2, Optional.of("B1")),
                new TrueParticle(30, 10, 4.0, 0.1, Optional.of("B1")),
                new TrueParticle(50, 10, 4.8, 0.25, Optional.of("B1")),
                new TrueParticle(70, 10, 3.0, 0.05, Optional.of("B1")),
                new TrueParticle(90, 10, 4.0, 0.2, Optional.empty()), // in the resin: optional, not tallied
                new TrueParticle(1, 10, 4.0, 0.2, Optional.of("B1"))); // cut by the border: optional too
        List<Particle> detections = List.of(found(10, 10), found(30.5, 10), found(90, 10), found(1, 10));
        ParticleMatcher.Matched m = ParticleMatcher.matchClassified(detections, truth, 200, 100);
        assertEquals(new MatchStats(2, 0, 2), m.stats());
        assertEquals(m.stats(), ParticleMatcher.match(detections, truth, 200, 100));
        assertEquals(new ParticleClasses(new ParticleClasses.Recall(1, 2), new ParticleClasses.Recall(1, 1),
                new ParticleClasses.Recall(0, 1), new ParticleClasses.Recall(1, 2)), m.classes());
        assertEquals(0.5, m.classes().small().fraction(), 1e-12);
        assertTrue(Double.isNaN(ParticleClasses.Recall.NONE.fraction()));
        assertEquals(new ParticleClasses.Recall(2, 4), m.classes().plus(m.classes()).small());
    }

    @Test
    void pairsTheClosestDetectionsFirst() {
        List<TrueParticle> truth = List.of(truth(10, 10, 4), truth(14, 10, 4));
        List<Particle> detections = List.of(found(13.5, 10), found(10.5, 10));
        assertEquals(new MatchStats(2, 0, 0), ParticleMatcher.match(detections, truth));
    }

    @Test
    void particlesCutByTheFrameBorderAreOptional() {
        List<TrueParticle> truth = List.of(truth(50, 1, 4), truth(50, 98, 4), truth(50, 50, 4));
        assertEquals(new MatchStats(1, 0, 0),
                ParticleMatcher.match(List.of(found(50, 1), found(50, 50)), truth, 100, 100));
        assertEquals(new MatchStats(0, 0, 1), ParticleMatcher.match(List.of(), truth, 100, 100));
    }

    @Test
    void particlesInTheResinAreOptional() {
        TrueParticle resin = new TrueParticle(50, 50, 4, 0.2, Optional.empty());
        List<TrueParticle> truth = List.of(resin, truth(20, 20, 4));
        assertEquals(new MatchStats(1, 0, 0), ParticleMatcher.match(List.of(found(50, 50), found(20, 20)), truth));
        assertEquals(new MatchStats(1, 1, 0), ParticleMatcher.match(List.of(found(80, 80), found(20, 20)), truth));
        assertEquals(new MatchStats(0, 0, 1), ParticleMatcher.match(List.of(), truth));
    }

    @Test
    void emptyInputsScorePerfectly() {
        MatchStats m = ParticleMatcher.match(List.of(), List.of());
        assertEquals(1, m.precision());
        assertEquals(1, m.recall());
        assertEquals(1, m.f1());
    }
}
