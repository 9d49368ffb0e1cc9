package io.aoi.deblur;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DeblurOutputCheckTest {
    @Test
    void acceptsARestorationWithSlightRinging() {
        float[] plane = new float[1000];
        Arrays.fill(plane, 0.5f);
        plane[0] = -0.2f;
        plane[1] = 1.3f;
        for (int i = 2; i < 12; i++) {
            plane[i] = 1.8f;
        }
        assertDoesNotThrow(() -> DeblurOutputCheck.check("wiener", plane), "1 % far out is still allowed");
    }

    @Test
    void refusesOneNaNOrInfinity() {
        float[] plane = new float[100];
        plane[50] = Float.NaN;
        DeblurOutputException e = assertThrows(DeblurOutputException.class, () -> DeblurOutputCheck.check("m", plane));
        assertTrue(e.getMessage().contains("m output is not finite: 1 of 100 samples"), e.getMessage());
        plane[50] = Float.POSITIVE_INFINITY;
        assertThrows(DeblurOutputException.class, () -> DeblurOutputCheck.check("m", plane));
    }

    @Test
    void refusesAnOutputFarOutsideTheFrameRange() {
        float[] plane = new float[100];
        Arrays.fill(plane, 0, 40, 7.0f);
        DeblurOutputException e = assertThrows(DeblurOutputException.class, () -> DeblurOutputCheck.check("m", plane));
        assertTrue(e.getMessage().contains("40 of 100 samples outside [-0.5, 1.5]"), e.getMessage());
    }
}
