package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.deblur.motion.MotionDeblurrer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every shipped graph uses only operators that ONNX Runtime's CUDA provider implements (the set and its source
 * are in the test resource {@code cuda-operators.txt}), so no node falls back to the CPU with a copy each way.
 */
class CudaOperatorSetTest {

    static List<String> shippedGraphs() {
        List<String> out = new ArrayList<>();
        for (String stem : List.of(UdbdDeblurrer.SHIPPED_MODEL, UdbdDeblurrer.SHIPPED_ACF_MODEL,
                UdbdDeblurrer.SHIPPED_ACF_LITE_MODEL)) {
            for (String part : UdbdGraphs.PARTS) {
                out.add(stem + "." + part + ".onnx");
            }
            out.add(stem + "." + UdbdGraphs.CUDA_PART + ".onnx");
        }
        out.add(MotionDeblurrer.SHIPPED_MODEL);
        return out;
    }

    @Test
    void everyShippedGraphUsesOnlyCudaOperators() throws IOException {
        Set<String> cuda = cudaOperators();
        for (String graph : shippedGraphs()) {
            byte[] bytes;
            try (InputStream in = getClass().getResourceAsStream(graph)) {
                assertNotNull(in, graph + " is not on the classpath");
                bytes = in.readAllBytes();
            }
            TreeSet<String> ops = OnnxOperators.of(bytes);
            assertTrue(ops.contains("Conv"), graph + ": no Conv found, the reader is broken: " + ops);
            TreeSet<String> missing = new TreeSet<>(ops);
            missing.removeAll(cuda);
            System.out.println(graph + ": " + ops.size() + " operator types, all CUDA: " + missing.isEmpty());
            assertTrue(missing.isEmpty(), graph + " uses operators the CUDA provider lacks: " + missing);
            assertTrue(!ops.contains("DFT"), graph + " has a DFT op: " + ops);
            // the matrix-DFT Wiener step belongs in the CUDA graph only; on the CPU it runs outside the graphs
            assertTrue(graph.endsWith(".cuda.onnx") || !ops.contains("MatMul"), graph + " has MatMul: " + ops);
        }
    }

    private Set<String> cudaOperators() throws IOException {
        Set<String> ops = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/io/aoi/models/cuda-operators.txt")) {
            assertNotNull(in, "cuda-operators.txt is not on the test classpath");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String op = line.strip();
                if (!op.isEmpty() && !op.startsWith("#")) {
                    ops.add(op);
                }
            }
        }
        return ops;
    }
}
