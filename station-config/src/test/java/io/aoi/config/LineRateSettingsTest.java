package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The deblur section's region, overload and focus-drift fields and the simulator's yield setting. */
class LineRateSettingsTest {
    private static final Path BASE = Path.of("/stations/line-3");
    private static final String MINIMAL = StationYaml.minimal("minimal", "model: udbd_acf");

    @Test
    void defaultsToBumpsDropWienerAndTheDocumentedDriftThreshold() throws StationConfigException {
        StationConfig config = StationConfigLoader.parse(MINIMAL, "minimal.yaml", BASE);

        assertEquals(new DeblurPolicy(DeblurRegion.BUMPS, 16, OverloadPolicy.DROP, DeblurModel.WIENER, 3.5),
                config.deblur().policy());
        assertEquals(OptionalDouble.empty(), ((SimulatedCameraSettings) config.camera()).ngBandFraction());
    }

    @Test
    void readsEveryPolicyField() throws StationConfigException {
        String yaml = MINIMAL.replace("model: udbd_acf", """
                model: udbd_acf
                  region: frame
                  regionMarginPx: 24
                  overload: fallback
                  fallbackModel: none
                  focusDriftWarnSigmaPx: 3""").replace("  type: simulated\n",
                "  type: simulated\n  ngBandFraction: 0.05\n");

        StationConfig config = StationConfigLoader.parse(yaml, "line.yaml", BASE);

        assertEquals(new DeblurPolicy(DeblurRegion.FRAME, 24, OverloadPolicy.FALLBACK, DeblurModel.NONE, 3.0),
                config.deblur().policy());
        assertEquals(OptionalDouble.of(0.05), ((SimulatedCameraSettings) config.camera()).ngBandFraction());
    }

    @Test
    void refusesAFallbackThatIsNotCheap() {
        String yaml = MINIMAL.replace("model: udbd_acf", "model: udbd_acf\n  fallbackModel: udbd");

        StationConfigException e = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "line.yaml", BASE));

        assertEquals("line.yaml:7: deblur.fallbackModel: udbd is not allowed; allowed: wiener or none (a fallback "
                + "runs while the main model is busy, so it must be cheap)", e.getMessage());
    }

    @Test
    void refusesAnUnknownRegionAndListsTheChoices() {
        String yaml = MINIMAL.replace("model: udbd_acf", "model: udbd_acf\n  region: tiles");

        StationConfigException e = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yaml, "line.yaml", BASE));

        assertEquals("line.yaml:7: deblur.region: tiles is not allowed; allowed: bumps, frame", e.getMessage());
    }

    @Test
    void refusesADriftThresholdOutOfRangeAndAYieldAboveOne() {
        String drift = MINIMAL.replace("model: udbd_acf", "model: udbd_acf\n  focusDriftWarnSigmaPx: 0");
        String yield = MINIMAL.replace("  type: simulated\n", "  type: simulated\n  ngBandFraction: 1.5\n");

        StationConfigException d = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(drift, "line.yaml", BASE));
        StationConfigException y = assertThrows(StationConfigException.class,
                () -> StationConfigLoader.parse(yield, "line.yaml", BASE));

        assertEquals("line.yaml:7: deblur.focusDriftWarnSigmaPx: 0 is not allowed; allowed: a number from 0.1 to 10",
                d.getMessage());
        assertEquals("line.yaml:4: camera.ngBandFraction: 1.5 is not allowed; allowed: a number from 0 to 1",
                y.getMessage());
    }
}
