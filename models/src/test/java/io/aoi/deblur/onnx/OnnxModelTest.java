package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OnnxModelTest {
    private static final String KERNEL_GRAPH = UdbdDeblurrer.SHIPPED_MODEL + ".kernel.onnx";

    @TempDir
    Path dir;

    @Test
    void corruptFileIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("broken.onnx");
        byte[] junk = new byte[4096];
        new Random(3).nextBytes(junk);
        Files.write(file, junk);
        DeblurException e = assertThrows(DeblurException.class,
                () -> OnnxModel.open(file, UdbdGraphs.KERNEL_SIGNATURE, ExecutionProvider.CPU, 1));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("could not be loaded"), e.getMessage());
    }

    @Test
    void missingFileIsRejectedNamingTheFile() {
        Path file = dir.resolve("absent.onnx");
        DeblurException e = assertThrows(DeblurException.class,
                () -> OnnxModel.open(file, UdbdGraphs.KERNEL_SIGNATURE, ExecutionProvider.CPU, 1));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void mismatchedModelNamesWhatWasFoundAndWhatWasExpected() throws IOException {
        Path file = dir.resolve("wrong.features.onnx");
        copy("/io/aoi/models/udbd/wrong-input-name.onnx", file);
        copy(UdbdDeblurrer.SHIPPED_MODEL + ".kernel.onnx", dir.resolve("wrong.kernel.onnx"));
        copy(UdbdDeblurrer.SHIPPED_MODEL + ".refine.onnx", dir.resolve("wrong.refine.onnx"));
        DeblurException e = assertThrows(DeblurException.class,
                () -> new UdbdDeblurrer(TestSettings.udbd(64, 8, ExecutionProvider.CPU, Optional.of(file))));
        String m = e.getMessage();
        assertTrue(m.contains(file.toString()), m);
        assertTrue(m.contains("no input named 'blurred'"), m);
        assertTrue(m.contains("no output named 'features'"), m);
        assertTrue(m.contains("image: FLOAT rank 4"), m);
    }

    @Test
    void udbdModelWithMissingGraphFilesNamesThem() throws IOException {
        Path file = dir.resolve("half.onnx");
        copy(UdbdDeblurrer.SHIPPED_MODEL + ".kernel.onnx", dir.resolve("half.kernel.onnx"));
        DeblurException e = assertThrows(DeblurException.class,
                () -> new UdbdDeblurrer(TestSettings.udbd(64, 8, ExecutionProvider.CPU, Optional.of(file))));
        String m = e.getMessage();
        assertTrue(m.contains(dir.resolve("half.features.onnx").toString()), m);
        assertTrue(m.contains(dir.resolve("half.refine.onnx").toString()), m);
        assertFalse(m.contains(dir.resolve("half.kernel.onnx").toString()), m);
    }

    @Test
    void graphsOfTwoExportsAreRefusedAtOpenNotOnEveryTile() throws IOException {
        // the lite model's kernel and features graphs (8 feature channels) with the general model's refine graph (24)
        String lite = "/io/aoi/models/udbd/udbd-net-acf-lite";
        copy(lite + ".kernel.onnx", dir.resolve("mix.kernel.onnx"));
        copy(lite + ".features.onnx", dir.resolve("mix.features.onnx"));
        copy(UdbdDeblurrer.SHIPPED_MODEL + ".refine.onnx", dir.resolve("mix.refine.onnx"));
        DeblurException e = assertThrows(DeblurException.class, () -> new UdbdDeblurrer(
                TestSettings.udbd(64, 8, ExecutionProvider.CPU, Optional.of(dir.resolve("mix.onnx")))));
        String m = e.getMessage();
        assertTrue(m.startsWith("model " + dir.resolve("mix.refine.onnx") + " does not fit the other graphs of its "
                + "model: its input deconvolved's channels is 24, allowed: 8 (the feature channels of "
                + dir.resolve("mix.features.onnx") + ")"), m);
    }

    private void copy(String resource, Path to) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.write(to, in.readAllBytes());
        }
    }

    @Test
    void missingResourceIsRejectedNamingIt() {
        DeblurException e = assertThrows(DeblurException.class, () -> OnnxModel.openResource(
                "/io/aoi/models/none.onnx", UdbdGraphs.KERNEL_SIGNATURE, ExecutionProvider.CPU, 1));
        assertTrue(e.getMessage().contains("/io/aoi/models/none.onnx"), e.getMessage());
    }

    @Test
    void cudaRequestedWithoutGpuRuntimeFailsWithAClearMessage() throws DeblurException {
        OnnxModel model;
        try {
            model = OnnxModel.openResource(KERNEL_GRAPH, UdbdGraphs.KERNEL_SIGNATURE,
                    ExecutionProvider.CUDA, 1);
        } catch (DeblurException e) {
            assertTrue(e.getMessage().startsWith(
                    "CUDA execution provider requested but not available in this build/host: "), e.getMessage());
            assertTrue(e.getMessage().endsWith("; use executionProvider: cpu or install the GPU runtime"),
                    e.getMessage());
            return;
        }
        // A host with the GPU runtime gets a working session instead.
        try (OnnxModel m = model) {
            assertEquals("classpath:" + KERNEL_GRAPH, m.source());
        }
    }

    @Test
    void closeIsIdempotentAndRunAfterCloseIsRefused() throws DeblurException {
        OnnxModel model = OnnxModel.openResource(KERNEL_GRAPH, UdbdGraphs.KERNEL_SIGNATURE,
                ExecutionProvider.CPU, 1);
        model.close();
        assertDoesNotThrow(model::close);
        assertThrows(IllegalStateException.class, () -> model.run(java.util.Map.of()));
    }
}
