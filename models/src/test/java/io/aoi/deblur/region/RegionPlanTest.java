package io.aoi.deblur.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegionPlanTest {

    @Test
    void growsEachRegionByTheMarginAndClipsItToTheFrame() {
        List<PixelRect> plan = RegionPlan.plan(List.of(new PixelRect(5, 40, 20, 10)), 8, 0, 100, 100);

        assertEquals(List.of(new PixelRect(0, 32, 33, 26)), plan);
    }

    @Test
    void mergesRegionsWhoseMarginsOverlap() {
        List<PixelRect> plan = RegionPlan.plan(List.of(new PixelRect(10, 10, 20, 20), new PixelRect(40, 10, 20, 20)),
                6, 0, 200, 200);

        assertEquals(List.of(new PixelRect(4, 4, 62, 32)), plan);
    }

    @Test
    void keepsFarApartRegionsApartAndMergesThemWhenPaddingEachCallCostsMore() {
        List<PixelRect> found = List.of(new PixelRect(10, 10, 20, 20), new PixelRect(60, 10, 20, 20));

        List<PixelRect> cheapCalls = RegionPlan.plan(found, 0, 0, 200, 200);
        // padded by 32 apart: 2 * 84 * 84 = 14112; together: 134 * 84 = 11256, so one call is cheaper
        List<PixelRect> paddedCalls = RegionPlan.plan(found, 0, 32, 200, 200);

        assertEquals(found, cheapCalls);
        assertEquals(List.of(new PixelRect(10, 10, 70, 20)), paddedCalls);
    }

    @Test
    void mergesUntilNothingOverlapsAndSortsInReadingOrder() {
        List<PixelRect> found = List.of(new PixelRect(150, 100, 10, 10), new PixelRect(0, 0, 10, 10),
                new PixelRect(8, 0, 10, 10), new PixelRect(16, 0, 10, 10));

        List<PixelRect> plan = RegionPlan.plan(found, 0, 0, 200, 200);

        assertEquals(List.of(new PixelRect(0, 0, 26, 10), new PixelRect(150, 100, 10, 10)), plan);
        assertEquals(360, RegionPlan.areaPx(plan));
    }

    @Test
    void refusesNegativeMargins() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RegionPlan.plan(List.of(), -1, 0, 10, 10));
        assertEquals("marginPx = -1, callPaddingPx = 0; allowed: 0 or more", e.getMessage());
    }
}
