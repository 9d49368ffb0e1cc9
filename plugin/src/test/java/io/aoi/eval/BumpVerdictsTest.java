package io.aoi.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.camera.sim.TrueBump;
import io.aoi.results.BumpCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class BumpVerdictsTest {
    @Test
    void comparesVerdictsOfOverlappingBumpsAndCountsMissingOnesAsWrong() {
        List<TrueBump> truth = List.of(
                new TrueBump("ok", 10, 10, 100, 50, 8),
                new TrueBump("ng", 150, 10, 100, 50, 2),
                new TrueBump("missed", 300, 10, 100, 50, 9),
                new TrueBump("wrong", 450, 10, 100, 50, 9),
                new TrueBump("cut", 600, 80, 100, 50, 9));
        List<BumpCount> detected = List.of(
                new BumpCount("B1", 11, 10, 99, 50, 8, true),
                new BumpCount("B2", 150, 11, 100, 48, 2, false),
                new BumpCount("B3", 450, 10, 100, 50, 3, false));
        VerdictStats stats = BumpVerdicts.compare(detected, truth, 100, 5);
        assertEquals(new VerdictStats(2, 4), stats);
        assertEquals(0.5, stats.accuracy(), 1e-12);
    }
}
