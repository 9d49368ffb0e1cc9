package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurOutputException;
import io.aoi.image.Image;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model with UDBD-Net's signature that outputs NaN: its frames are refused, never clipped to black. */
class NanOutputModelTest {
    @TempDir
    Path dir;

    @Test
    void nanOutputIsRefusedNamingTheModelAndTheCount() throws Exception {
        Path file = nanModel(dir);
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

    /**
     * The split set {@code nan-output.{kernel,features,refine}.onnx} in {@code dir}: the shipped kernel and
     * features graphs with a refine graph that outputs NaN; returns the set's name, {@code nan-output.onnx}.
     */
    static Path nanModel(Path dir) throws java.io.IOException {
        for (String part : java.util.List.of("kernel", "features")) {
            copyResource("/io/aoi/models/udbd/udbd-net." + part + ".onnx", dir.resolve("nan-output." + part + ".onnx"));
        }
        copyResource("/io/aoi/models/udbd/nan-output.refine.onnx", dir.resolve("nan-output.refine.onnx"));
        return dir.resolve("nan-output.onnx");
    }

    private static void copyResource(String resource, Path to) throws java.io.IOException {
        try (java.io.InputStream in = Objects.requireNonNull(NanOutputModelTest.class.getResourceAsStream(resource), resource)) {
            Files.write(to, in.readAllBytes());
        }
    }
}
