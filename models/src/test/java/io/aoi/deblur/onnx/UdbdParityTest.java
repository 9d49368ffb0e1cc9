package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.BlurKernel;
import io.aoi.deblur.DeblurException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The shipped split graphs with the OpenCV Wiener step between them against PyTorch's output (the torch.fft
 * formulation of the unsplit network) on the committed fixture.
 */
class UdbdParityTest {

    @Test
    void splitGraphsWithOpenCvWienerMatchPyTorchOnTheFixture() throws IOException, DeblurException {
        parity(UdbdGraphs.WienerStep.HOST_FFT, 1e-3);
    }

    /** The one-graph form for the CUDA provider (matrix DFTs in the graph), run here on the CPU provider. */
    @Test
    void cudaFormWithTheWienerStepInTheGraphMatchesPyTorchOnTheFixture() throws IOException, DeblurException {
        parity(UdbdGraphs.WienerStep.IN_GRAPH, 1e-3);
    }

    private static void parity(UdbdGraphs.WienerStep step, double tolerance) throws IOException, DeblurException {
        UdbdFixture f = UdbdFixture.load();
        try (UdbdGraphs graphs = UdbdGraphs.openResource(UdbdDeblurrer.SHIPPED_MODEL, ExecutionProvider.CPU,
                UdbdGraphs.Threads.all(2), step);
             UdbdTileRunner runner = new UdbdTileRunner(graphs)) {
            // the fixture is smaller than one kernel crop, so the frame kernel is the whole frame's, as in PyTorch
            BlurKernel kernel = new FrameKernelEstimator(graphs.kernel(), FrameKernelEstimator.Crops.GENERAL)
                    .estimate(f.input(), f.width(), f.height(), FrameKernelEstimator.CropInput.AS_IS);
            runner.setKernel(kernel);
            float[][] out = new float[1][f.width() * f.height()];
            runner.process(new float[][] {f.input()}, 1, f.width(), f.height(), out);
            double imageError = maxAbs(out[0], f.restored());
            double kernelError = maxAbs(kernel.taps(), f.kernel());
            System.out.printf("UDBD parity (%s) on %dx%d: max |ORT - PyTorch| restored %.3g, kernel %.3g%n", step,
                    f.width(), f.height(), imageError, kernelError);
            assertTrue(imageError < tolerance, "restored differs from PyTorch by " + imageError);
            assertTrue(kernelError < 1e-4, "kernel differs from PyTorch by " + kernelError);
        }
    }

    @Test
    void dynamicBatchHeightAndWidthIncludingOddSizes() throws DeblurException {
        int[][] sizes = {{37, 53}, {64, 80}, {101, 29}, {16, 16}};
        try (UdbdGraphs graphs = UdbdGraphs.openResource(UdbdDeblurrer.SHIPPED_MODEL, ExecutionProvider.CPU,
                UdbdGraphs.Threads.all(2));
             UdbdTileRunner runner = new UdbdTileRunner(graphs)) {
            FrameKernelEstimator estimator = new FrameKernelEstimator(graphs.kernel(),
                    FrameKernelEstimator.Crops.GENERAL);
            for (int[] s : sizes) {
                int w = s[0];
                int h = s[1];
                float[][] batch = new float[3][w * h];
                for (int b = 0; b < batch.length; b++) {
                    for (int i = 0; i < w * h; i++) {
                        batch[b][i] = 0.5f + 0.3f * (float) Math.sin(i % w * (0.5 + 0.2 * b))
                                * (float) Math.cos(i / w * 0.4);
                    }
                }
                BlurKernel kernel = estimator.estimate(batch[0], w, h, FrameKernelEstimator.CropInput.AS_IS);
                assertEquals(21, kernel.sidePx());
                double sum = 0;
                for (float k : kernel.taps()) {
                    assertTrue(k >= 0f, "negative kernel tap");
                    sum += k;
                }
                assertEquals(1.0, sum, 1e-4, "kernel sum for " + w + "x" + h);
                runner.setKernel(kernel);
                float[][] together = new float[3][w * h];
                runner.process(batch, 3, w, h, together);
                // a batch of three gives what three single runs give
                for (int b = 0; b < batch.length; b++) {
                    float[][] alone = new float[1][w * h];
                    runner.process(new float[][] {batch[b]}, 1, w, h, alone);
                    assertTrue(maxAbs(alone[0], together[b]) < 1e-5, "tile " + b + " of " + w + "x" + h);
                }
            }
        }
    }

    private static double maxAbs(float[] a, float[] b) {
        assertEquals(b.length, a.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }
}
