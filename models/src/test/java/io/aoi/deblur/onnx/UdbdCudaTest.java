package io.aoi.deblur.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.ExecutionProvider;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * UDBD-Net on the CUDA provider gives what the CPU provider gives. Runs with the GPU runtime
 * ({@code mvn -Pgpu}) on a host with a CUDA device; skips, saying why, when either is missing.
 */
class UdbdCudaTest {

    @Test
    void cudaRestorationMatchesTheCpuOne() throws DeblurException {
        assumeTrue(OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA),
                "skipped: this build bundles the CPU ONNX Runtime (build with -Pgpu for the CUDA provider)");
        UdbdDeblurrer cuda;
        try {
            cuda = new UdbdDeblurrer(TestSettings.udbd(256, 32, ExecutionProvider.CUDA, Optional.empty()));
        } catch (DeblurException e) {
            assumeTrue(false, "skipped: no usable CUDA device on this host: " + e.getMessage());
            return;
        }
        Image in = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(320).withLineRateHz(0)
                .withSeed(9)).frame(0, 200).image();
        Image onGpu;
        try (UdbdDeblurrer d = cuda) {
            onGpu = d.deblur(in, 1);
        }
        Image onCpu;
        try (UdbdDeblurrer d = new UdbdDeblurrer(TestSettings.udbd(256, 32))) {
            onCpu = d.deblur(in, 1);
        }
        int max = 0;
        for (int y = 0; y < in.height(); y++) {
            for (int x = 0; x < in.width(); x++) {
                max = Math.max(max, Math.abs(onGpu.sample(x, y, 0) - onCpu.sample(x, y, 0)));
            }
        }
        System.out.println("UDBD CUDA vs CPU: max difference " + max + " of 255");
        assertTrue(max <= 2, "CUDA and CPU differ by " + max + " levels");
    }
}
