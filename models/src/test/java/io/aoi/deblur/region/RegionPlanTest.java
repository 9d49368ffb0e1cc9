package io.aoi.deblur.region;

import io.aoi.deblur.PixelRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionPlanTest {

    @Test
    void growsEachRegionByTheMarginAndClipsItToTheFrame() {
        List<PixelRegion> plan = RegionPlan.plan(List.of(new PixelRegion(5, 40, 20, 10)), 8, 0, 100, 100);

        assertEquals(List.of(new PixelRegion(0, 32, 33, 26)), plan);
    }

    @Test
    void mergesRegionsWhoseMarginsOverlap() {
        List<PixelRegion> plan = RegionPlan.plan(List.of(new PixelRegion(10, 10, 20, 20), new PixelRegion(40, 10, 20, 20)),
                6, 0, 200, 200);

        assertEquals(List.of(new PixelRegion(4, 4, 62, 32)), plan);
    }

    @Test
    void keepsFarApartRegionsApartAndMergesThemWhenPaddingEachCallCostsMore() {
        List<PixelRegion> found = List.of(new PixelRegion(10, 10, 20, 20), new PixelRegion(60, 10, 20, 20));

        List<PixelRegion> cheapCalls = RegionPlan.plan(found, 0, 0, 200, 200);
        // padded by 32 apart: 2 * 84 * 84 = 14112; together: 134 * 84 = 11256, so one call is cheaper
        List<PixelRegion> paddedCalls = RegionPlan.plan(found, 0, 32, 200, 200);

        assertEquals(found, cheapCalls);
        assertEquals(List.of(new PixelRegion(10, 10, 70, 20)), paddedCalls);
    }

    @Test
    void mergesUntilNothingOverlapsAndSortsInReadingOrder() {
        List<PixelRegion> found = List.of(new PixelRegion(150, 100, 10, 10), new PixelRegion(0, 0, 10, 10),
                new PixelRegion(8, 0, 10, 10), new PixelRegion(16, 0, 10, 10));

        List<PixelRegion> plan = RegionPlan.plan(found, 0, 0, 200, 200);

        assertEquals(List.of(new PixelRegion(0, 0, 26, 10), new PixelRegion(150, 100, 10, 10)), plan);
        assertEquals(360, RegionPlan.areaPx(plan));
    }

    @Test
    void regionsCoveringHalfTheFrameOrMoreBecomeTheWholeFrame() {
        // two bands of 100 x 24 grown by 1 px: 2 x 100 x 26 = 5200 of 10000 pixels
        List<PixelRegion> found = List.of(new PixelRegion(0, 10, 100, 24), new PixelRegion(0, 60, 100, 24));
        assertEquals(List.of(new PixelRegion(0, 0, 100, 100)), RegionPlan.plan(found, 1, 0, 100, 100));
        // the same bands 2 px lower, without margin: 4800 pixels, kept apart
        assertEquals(List.of(new PixelRegion(0, 12, 100, 24), new PixelRegion(0, 62, 100, 24)),
                RegionPlan.plan(List.of(new PixelRegion(0, 12, 100, 24), new PixelRegion(0, 62, 100, 24)), 0, 0,
                        100, 100));
    }

    @Test
    void refusesNegativeMargins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionPlan.plan(List.of(), -1, 0, 10, 10));
        assertEquals("marginPx = -1, callPaddingPx = 0; allowed: 0 or more", e.getMessage());
    }
}
