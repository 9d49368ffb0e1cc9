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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** A stopping station aborts a model run in progress instead of exiting, or freeing the session, under it. */
class OnnxAbortTest {
    /** Seconds of work for the features graph on a CPU. */
    private static final int SIDE = 1024;

    /** One run of the model that a test aborts. */
    @FunctionalInterface
    private interface Run {
        void run(OnnxModel model) throws Exception;
    }

    @Test
    void abortEndsARunInProgressAndRefusesLaterRuns() throws Exception {
        abortWhileRunning(model -> model.runPlanes(Map.of(UdbdGraphs.BLURRED, new float[SIDE * SIDE]),
                UdbdGraphs.REGULARISER, SIDE, SIDE));
    }

    /** The split UDBD-Net graphs run into the caller's tensors: those runs must be ended by the abort too. */
    @Test
    void abortEndsARunIntoCallerTensors() throws Exception {
        abortWhileRunning(model -> {
            int channels = (int) model.outputShape(UdbdGraphs.FEATURES)[1];
            try (OnnxTensor blurred = tensor(model, SIDE * SIDE, 1, 1, SIDE, SIDE);
                 OnnxTensor features = tensor(model, channels * SIDE * SIDE, 1, channels, SIDE, SIDE);
                 OnnxTensor regulariser = tensor(model, channels, 1, channels, 1, 1)) {
                model.runInto(Map.of(UdbdGraphs.BLURRED, blurred),
                        Map.of(UdbdGraphs.FEATURES, features, UdbdGraphs.REGULARISER, regulariser));
            }
        });
    }

    private static void abortWhileRunning(Run run) throws Exception {
        try (OnnxModel model = OnnxModel.openResource(UdbdDeblurrer.SHIPPED_MODEL + ".features.onnx",
                UdbdGraphs.FEATURES_SIGNATURE, ExecutionProvider.CPU, 1)) {
            CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                try {
                    run.run(model);
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            Awaitility.await("the run to start").atMost(Duration.ofSeconds(30))
                    .until(() -> model.activeRuns() == 1 || running.isDone());
            model.abortRuns();
            ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("run aborted: the station is stopping"),
                    e.getCause().getMessage());
            DeblurException later = assertThrows(DeblurException.class, () -> model.runPlanes(
                    Map.of(UdbdGraphs.BLURRED, new float[16 * 16]), UdbdGraphs.REGULARISER, 16, 16));
            assertTrue(later.getMessage().contains("run aborted"), later.getMessage());
        }
    }

    private static OnnxTensor tensor(OnnxModel model, int values, long... shape) throws Exception {
        FloatBuffer buffer = ByteBuffer.allocateDirect(4 * values).order(ByteOrder.nativeOrder()).asFloatBuffer();
        return OnnxTensor.createTensor(model.environment(), buffer, shape);
    }
}
