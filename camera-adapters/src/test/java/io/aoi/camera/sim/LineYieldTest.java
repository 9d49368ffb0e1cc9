package io.aoi.camera.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The simulated line's yield: NG bands at a set rate instead of the bump mix's 10 % sparse bumps. */
class LineYieldTest {
    private static final int BANDS = 300;

    private static PanelLayout layout(OptionalDouble ngBandFraction) {
        return new PanelLayout(5, 1024, 12, 0.5, ngBandFraction);
    }

    private static boolean hasSparseBump(PanelBand band) {
        return band.bumps().stream().anyMatch(b -> b.particleCount() < BumpPopulation.SPARSE_BELOW);
    }

    @Test
    void withoutTheSettingTheLayoutIsTheSimulatorsOwn() {
        PanelLayout own = new PanelLayout(5, 1024, 12, 0.5);
        PanelLayout unset = layout(OptionalDouble.empty());
        int bandsWithSparse = 0;
        for (long b = 0; b < 50; b++) {
            assertEquals(own.band(b), unset.band(b));
            bandsWithSparse += hasSparseBump(own.band(b)) ? 1 : 0;
        }
        assertTrue(bandsWithSparse > 40, "about 10 % of ~20 bumps per band are sparse: nearly every band is NG, "
                + bandsWithSparse + " of 50");
    }

    @Test
    void theNgBandFractionSetsHowManyBandsHoldAnNgBump() {
        PanelLayout none = layout(OptionalDouble.of(0));
        PanelLayout some = layout(OptionalDouble.of(0.1));
        int ngNone = 0;
        int ngSome = 0;
        for (long b = 0; b < BANDS; b++) {
            ngNone += hasSparseBump(none.band(b)) ? 1 : 0;
            ngSome += hasSparseBump(some.band(b)) ? 1 : 0;
        }
        // bands without a chosen NG bump can still draw a Poisson count below 5 (p = 0.008 per bump at mean 12)
        assertTrue(ngNone <= BANDS / 10, ngNone + " of " + BANDS + " bands NG without NG bands chosen");
        assertTrue(ngSome >= 20 && ngSome <= 70, ngSome + " of " + BANDS + " bands NG at a fraction of 0.1");
    }

    @Test
    void theChosenBumpKeepsFewerThanFiveOfItsOwnParticles() {
        PanelLayout all = layout(OptionalDouble.of(1));
        for (long b = 0; b < 20; b++) {
            PanelBand band = all.band(b);
            for (TrueBump bump : band.bumps()) {
                long onIt = band.particles().stream()
                        .filter(p -> p.bumpId().equals(java.util.Optional.of(bump.id()))).count();
                assertEquals(bump.particleCount(), onIt, "truth count of " + bump.id());
            }
            assertTrue(hasSparseBump(band), "band " + b + " holds an NG bump");
        }
    }
}
