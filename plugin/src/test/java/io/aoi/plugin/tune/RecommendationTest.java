package io.aoi.plugin.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    private static List<TuningRow> rows(int... countPerPass) {
        List<TuningRow> rows = new ArrayList<>();
        for (int image = 0; image < 2; image++) {
            for (int p = 0; p < countPerPass.length; p++) {
                rows.add(new TuningRow("img" + image + ".png", p, 0.01 * (p + 1), countPerPass[p], 0,
                        Verdict.OK, 100.0 * p));
            }
        }
        return rows;
    }

    @Test
    void recommendsTheFirstPassCountAfterWhichTheParticleCountStopsRising() {
        Recommendation r = Recommendation.from(rows(60, 90, 101, 101), 3);
        assertEquals(2, r.passes());
        assertTrue(r.reason().contains("pass 2 -> 3"), r.reason());
    }

    @Test
    void recommendsNoPassOnFramesThatAreAlreadySharp() {
        assertEquals(0, Recommendation.from(rows(100, 100, 99, 99), 3).passes());
    }

    @Test
    void recommendsTheMaximumAndSaysToCheckFocusWhenEveryPassStillHelps() {
        Recommendation r = Recommendation.from(rows(10, 20, 40, 80), 3);
        assertEquals(3, r.passes());
        assertTrue(r.reason().contains("check the focus"), r.reason());
    }

    @Test
    void refusesRowsWithAMissingPassCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recommendation.from(rows(10, 20), 3));
        assertTrue(e.getMessage().contains("no row for 2 passes"), e.getMessage());
    }
}
