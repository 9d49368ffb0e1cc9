package io.aoi.plugin.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendationTest {

    /** Two images whose every pass runs. */
    private static List<TuningRow> rows(int... countPerPass) {
        List<TuningRow> rows = new ArrayList<>();
        for (int image = 0; image < 2; image++) {
            for (int p = 0; p < countPerPass.length; p++) {
                rows.add(new TuningRow("img" + image + ".png", p, p, 0.01 * (p + 1), countPerPass[p], 0,
                        Verdict.OK, 100.0 * p));
            }
        }
        return rows;
    }

    /** Images a.png and b.png, each with its passes run and particles per pass count 0..3. */
    private static Recommendation twoImages(int[] runA, int[] countsA, int[] runB, int[] countsB) {
        List<TuningRow> rows = new ArrayList<>();
        for (int p = 0; p < countsA.length; p++) {
            rows.add(new TuningRow("a.png", p, runA[p], 0.01, countsA[p], 0, Verdict.OK, 100.0 * runA[p]));
            rows.add(new TuningRow("b.png", p, runB[p], 0.01, countsB[p], 0, Verdict.OK, 100.0 * runB[p]));
        }
        return Recommendation.from(rows, 3);
    }

    @Test
    void saysWhenAPassCountRunsNoPassMoreOnAnyFrame() {
        Recommendation r = twoImages(new int[] {0, 1, 1, 1}, new int[] {59, 88, 88, 88},
                new int[] {0, 1, 1, 1}, new int[] {61, 90, 90, 90});

        assertEquals(1, r.passes());
        assertTrue(r.reason().contains("iterations 2 runs no pass more than iterations 1 on any of these frames"),
                r.reason());
    }

    @Test
    void namesTheImagesAFurtherPassRanOnWhenOnlySomeGotOne() {
        Recommendation r = twoImages(new int[] {0, 1, 2, 2}, new int[] {60, 90, 91, 91},
                new int[] {0, 1, 1, 1}, new int[] {60, 90, 90, 90});

        assertEquals(1, r.passes());
        assertTrue(r.reason().contains("pass 1 -> 2") && r.reason().contains("ran a further pass on 1 of 2 images"),
                r.reason());
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
