package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DetectorSettingsTest {
    private static DetectorSettings.Builder demo() {
        return DetectorSettings.builder().particleDiameterPx(5, 12).micronsPerPixel(0.5)
                .bumps(new BumpLayout.Automatic(60, 32)).minParticlesPerBump(5);
    }

    @Test
    void theBuilderFillsTheDocumentedDefaults() {
        DetectorSettings d = demo().build();
        assertEquals(5, d.minDiameterPx());
        assertEquals(12, d.maxDiameterPx());
        assertEquals(0.05, d.minContrast(), "the station file's default minContrast");
        assertEquals(0, d.illuminationAngleDeg());
        assertFalse(d.illuminationAngleAuto());
        assertEquals(DecisionLimits.DEFAULT, d.decisionLimits());
        assertEquals(2.5, d.contrastNoiseFactor());
        DetectorSettings auto = demo().autoIlluminationAngle(90).build();
        assertTrue(auto.illuminationAngleAuto());
        assertEquals(90, auto.illuminationAngleDeg());
    }

    @Test
    void aRequiredFieldLeftUnsetIsNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DetectorSettings.builder()
                .particleDiameterPx(5, 12).minParticlesPerBump(5).build());
        assertEquals("DetectorSettings needs particleDiameterPx, micronsPerPixel, bumps and minParticlesPerBump; "
                + "missing: micronsPerPixel, bumps", e.getMessage());
    }

    @Test
    void aValueOutOfRangeIsRefusedWithItsField() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> demo()
                .particleDiameterPx(12, 5).build());
        assertTrue(e.getMessage().contains("maxDiameterPx"), e.getMessage());
    }

    @Test
    void aFixedLayoutBuiltInCodeRefusesTwoRectanglesWithOneId() {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> new BumpLayout.Fixed(
                List.of(new BumpLayout.Bump("B1", 5, 5, 100, 50), new BumpLayout.Bump("B1", 200, 5, 100, 50))));
        assertEquals("bumps", e.field());
        assertEquals("distinct rectangle ids; B1 is declared twice", e.allowed());
    }
}
