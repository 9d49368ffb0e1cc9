package io.aoi.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The deblur stage.
 *
 * @param model             which deblurrer
 * @param iterations        passes of an iterative model (UDBD-Net), 0 to 3; 0 passes the frame through
 * @param executionProvider cpu or cuda, for the neural models
 * @param threads           intra-op threads for the neural models, 1 to 64
 * @param tileSizePx        square tile edge for the neural models, 64 to 4096
 * @param tileOverlapPx     overlap between neighbouring tiles, less than half the tile
 * @param modelFile         an ONNX file to use instead of the shipped one
 * @param wienerSigmaPx     Gaussian PSF sigma the Wiener baseline assumes, in pixels
 * @param wienerNoiseToSignal noise-to-signal power ratio of the Wiener baseline
 * @param policy            region, overload policy and focus-drift warning ({@link DeblurPolicy#DEFAULTS} when
 *                          built with the constructor without it)
 */
public record DeblurSettings(
        DeblurModel model,
        int iterations,
        ExecutionProvider executionProvider,
        int threads,
        int tileSizePx,
        int tileOverlapPx,
        Optional<Path> modelFile,
        double wienerSigmaPx,
        double wienerNoiseToSignal,
        DeblurPolicy policy) {

    public static final int MAX_ITERATIONS = 3;

    /** The settings with {@link DeblurPolicy#DEFAULTS}. */
    public DeblurSettings(DeblurModel model, int iterations, ExecutionProvider executionProvider, int threads,
            int tileSizePx, int tileOverlapPx, Optional<Path> modelFile, double wienerSigmaPx,
            double wienerNoiseToSignal) {
        this(model, iterations, executionProvider, threads, tileSizePx, tileOverlapPx, modelFile, wienerSigmaPx,
                wienerNoiseToSignal, DeblurPolicy.DEFAULTS);
    }

    public DeblurSettings {
        Check.present("model", model);
        Check.intRange("iterations", iterations, 0, MAX_ITERATIONS);
        Check.present("executionProvider", executionProvider);
        Check.intRange("threads", threads, 1, 64);
        Check.intRange("tileSizePx", tileSizePx, 64, 4096);
        if (tileOverlapPx < 0 || tileOverlapPx >= (tileSizePx + 1) / 2) {
            throw new InvalidSettingException("tileOverlapPx", tileOverlapPx, "an integer from 0 to "
                    + ((tileSizePx + 1) / 2 - 1) + " (less than half of tileSizePx " + tileSizePx + ")");
        }
        Check.present("modelFile", modelFile);
        Check.range("wienerSigmaPx", wienerSigmaPx, 0.3, 10);
        Check.range("wienerNoiseToSignal", wienerNoiseToSignal, 1e-6, 1);
        Check.present("policy", policy);
    }

    /** A copy with another model and iteration count, validated like the original. */
    public DeblurSettings with(DeblurModel newModel, int newIterations) {
        return new DeblurSettings(newModel, newIterations, executionProvider, threads, tileSizePx, tileOverlapPx,
                modelFile, wienerSigmaPx, wienerNoiseToSignal, policy);
    }

    /** A copy with another region, overload and focus policy. */
    public DeblurSettings withPolicy(DeblurPolicy newPolicy) {
        return new DeblurSettings(model, iterations, executionProvider, threads, tileSizePx, tileOverlapPx,
                modelFile, wienerSigmaPx, wienerNoiseToSignal, newPolicy);
    }
}
