package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped ONNX model against PyTorch's output (FFT formulation) on the committed fixture. */
class UdbdParityTest {

    @Test
    void shippedModelMatchesPyTorchOnTheFixture() throws IOException, DeblurException, OrtException {
        UdbdFixture f = UdbdFixture.load();
        try (OnnxModel model = OnnxModel.openResource(UdbdDeblurrer.SHIPPED_MODEL, UdbdDeblurrer.SIGNATURE,
                ExecutionProvider.CPU, 2);
             OnnxTensor in = OnnxTensor.createTensor(model.environment(), FloatBuffer.wrap(f.input()),
                     new long[] {1, 1, f.height(), f.width()});
             OrtSession.Result r = model.run(Map.of(UdbdDeblurrer.INPUT, in))) {
            float[] restored = floats(r, UdbdDeblurrer.OUTPUT);
            float[] kernel = floats(r, UdbdDeblurrer.KERNEL_OUTPUT);
            double imageError = maxAbs(restored, f.restored());
            double kernelError = maxAbs(kernel, f.kernel());
            System.out.printf("UDBD parity on %dx%d: max |ORT - PyTorch| restored %.3g, kernel %.3g%n",
                    f.width(), f.height(), imageError, kernelError);
            assertTrue(imageError < 1e-3, "restored differs from PyTorch by " + imageError);
            assertTrue(kernelError < 1e-4, "kernel differs from PyTorch by " + kernelError);
        }
    }

    @Test
    void dynamicHeightAndWidthIncludingOddSizes() throws DeblurException, OrtException {
        int[][] sizes = {{37, 53}, {64, 80}, {101, 29}, {16, 16}};
        try (OnnxModel model = OnnxModel.openResource(UdbdDeblurrer.SHIPPED_MODEL, UdbdDeblurrer.SIGNATURE,
                ExecutionProvider.CPU, 2)) {
            for (int[] s : sizes) {
                int w = s[0];
                int h = s[1];
                float[] img = new float[w * h];
                for (int i = 0; i < img.length; i++) {
                    img[i] = 0.5f + 0.3f * (float) Math.sin(i % w * 0.7) * (float) Math.cos(i / w * 0.4);
                }
                try (OnnxTensor in = OnnxTensor.createTensor(model.environment(), FloatBuffer.wrap(img),
                        new long[] {1, 1, h, w});
                     OrtSession.Result r = model.run(Map.of(UdbdDeblurrer.INPUT, in))) {
                    OnnxTensor out = (OnnxTensor) r.get(UdbdDeblurrer.OUTPUT).orElseThrow();
                    assertEquals(4, out.getInfo().getShape().length);
                    assertEquals(h, out.getInfo().getShape()[2], "height for " + w + "x" + h);
                    assertEquals(w, out.getInfo().getShape()[3], "width for " + w + "x" + h);
                    float[] kernel = floats(r, UdbdDeblurrer.KERNEL_OUTPUT);
                    assertEquals(21 * 21, kernel.length);
                    double sum = 0;
                    for (float k : kernel) {
                        assertTrue(k >= 0f, "negative kernel tap");
                        sum += k;
                    }
                    assertEquals(1.0, sum, 1e-4, "kernel sum for " + w + "x" + h);
                }
            }
        }
    }

    private static float[] floats(OrtSession.Result r, String name) {
        FloatBuffer b = ((OnnxTensor) r.get(name).orElseThrow()).getFloatBuffer();
        float[] out = new float[b.remaining()];
        b.get(out);
        return out;
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
