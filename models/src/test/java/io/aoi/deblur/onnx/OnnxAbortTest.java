package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A stopping station aborts a model run in progress instead of exiting, or freeing the session, under it. */
class OnnxAbortTest {
    @Test
    void abortEndsARunInProgressAndRefusesLaterRuns() throws Exception {
        // the features graph: one input plane, and seconds of work on a CPU at this size
        try (OnnxModel model = OnnxModel.openResource(UdbdDeblurrer.SHIPPED_MODEL + ".features.onnx",
                UdbdGraphs.FEATURES_SIGNATURE, ExecutionProvider.CPU, 1)) {
            int side = 1024;
            float[] plane = new float[side * side];
            CompletableFuture<float[]> run = CompletableFuture.supplyAsync(() -> {
                try {
                    return model.runPlanes(Map.of(UdbdGraphs.BLURRED, plane), UdbdGraphs.REGULARISER, side, side);
                } catch (DeblurException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            Awaitility.await("the model run started").atMost(Duration.ofSeconds(30))
                    .until(() -> model.activeRuns() == 1 || run.isDone());
            model.abortRuns();
            ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("run aborted: the station is stopping"),
                    e.getCause().getMessage());
            DeblurException later = assertThrows(DeblurException.class, () -> model.runPlanes(
                    Map.of(UdbdGraphs.BLURRED, new float[16 * 16]), UdbdGraphs.REGULARISER, 16, 16));
            assertTrue(later.getMessage().contains("run aborted"), later.getMessage());
        }
    }

    @Test
    void abortEndsARunIntoCallerTensorsToo() throws Exception {
        // the path of the tiled UDBD-Net runner (outputs written into the caller's direct buffers)
        try (OnnxModel model = OnnxModel.openResource(UdbdDeblurrer.SHIPPED_MODEL + ".features.onnx",
                UdbdGraphs.FEATURES_SIGNATURE, ExecutionProvider.CPU, 1)) {
            int side = 1024;
            long[] shape = {1, 1, side, side};
            long[] regulariserShape = model.outputShape(UdbdGraphs.REGULARISER); // [n, channels, 1, 1]
            regulariserShape[0] = 1;
            int regulariserValues = (int) Arrays.stream(regulariserShape).reduce(1, (a, b) -> a * b);
            try (OnnxTensor in = OnnxTensor.createTensor(model.environment(), directFloats(side * side), shape);
                 OnnxTensor out = OnnxTensor.createTensor(model.environment(), directFloats(regulariserValues),
                         regulariserShape)) {
                CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                    try {
                        model.runInto(Map.of(UdbdGraphs.BLURRED, in), Map.of(UdbdGraphs.REGULARISER, out));
                    } catch (DeblurException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
                Awaitility.await("the model run into the caller's tensors started").atMost(Duration.ofSeconds(30))
                        .until(() -> model.activeRuns() == 1 || run.isDone());
                model.abortRuns();
                ExecutionException e = assertThrows(ExecutionException.class, () -> run.get(60, TimeUnit.SECONDS),
                        "the run was aborted, not finished");
                assertTrue(e.getCause().getMessage().contains("run aborted: the station is stopping"),
                        e.getCause().getMessage());
                DeblurException later = assertThrows(DeblurException.class, () -> model.runInto(
                        Map.of(UdbdGraphs.BLURRED, in), Map.of(UdbdGraphs.REGULARISER, out)));
                assertTrue(later.getMessage().contains("run aborted"), later.getMessage());
            }
        }
    }

    private static FloatBuffer directFloats(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
