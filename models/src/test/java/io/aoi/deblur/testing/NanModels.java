package io.aoi.deblur.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A UDBD-Net model file that loads and runs but restores every frame to NaN, for tests of the output check. */
public final class NanModels {
    private NanModels() {
    }

    /**
     * Writes the split set {@code nan-output.{kernel,features,refine}.onnx} into {@code dir}: the shipped kernel
     * and features graphs with a refine graph that outputs NaN; returns the set's name, {@code nan-output.onnx}.
     */
    public static Path writeSplitSet(Path dir) throws IOException {
        for (String part : List.of("kernel", "features")) {
            copyResource("/io/aoi/models/udbd/udbd-net." + part + ".onnx", dir.resolve("nan-output." + part + ".onnx"));
        }
        copyResource("/io/aoi/models/udbd/nan-output.refine.onnx", dir.resolve("nan-output.refine.onnx"));
        return dir.resolve("nan-output.onnx");
    }

    private static void copyResource(String resource, Path to) throws IOException {
        try (InputStream in = Objects.requireNonNull(NanModels.class.getResourceAsStream(resource), resource)) {
            Files.write(to, in.readAllBytes());
        }
    }
}
