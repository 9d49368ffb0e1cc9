package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurOutputException;
import io.aoi.deblur.testing.NanModels;
import io.aoi.image.Image;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model with UDBD-Net's signature that outputs NaN: its frames are refused, never clipped to black. */
class NanOutputModelTest {
    @TempDir
    Path dir;

    @Test
    void nanOutputIsRefusedNamingTheModelAndTheCount() throws Exception {
        Path file = NanModels.writeSplitSet(dir);
        Image frame = Image.fromFloatChannels(40, 30, 8, ramp(40, 30));
        try (UdbdDeblurrer nan = new UdbdDeblurrer(TestSettings.udbd(64, 8, ExecutionProvider.CPU,
                Optional.of(file)))) {
            DeblurOutputException e = assertThrows(DeblurOutputException.class, () -> nan.deblur(frame, 1));
            assertTrue(e.getMessage().contains("udbd output is not finite: 1200 of 1200 samples"), e.getMessage());
        }
    }

    private static float[] ramp(int w, int h) {
        float[] p = new float[w * h];
        for (int i = 0; i < p.length; i++) {
            p[i] = (i % w) / (float) w;
        }
        return p;
    }
}
