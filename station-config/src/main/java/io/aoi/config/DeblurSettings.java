package io.aoi.config;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The deblur stage. Build from {@link #DEFAULTS} with the withers; every wither validates the copy like the
 * constructor. {@link #withTiles} sets the tile size and overlap together, since the overlap must stay under
 * half the tile.
 *
 * @param model             which deblurrer
 * @param iterations        passes of an iterative model (UDBD-Net), 0 to 3; 0 passes the frame through
 * @param executionProvider cpu or cuda, for the neural models
 * @param threads           CPU threads for the neural models, 1 to 64 (UDBD-Net on the CPU runs that many tiles at
 *                          once; on CUDA they are ONNX Runtime intra-op threads)
 * @param tileSizePx        largest tile edge for the neural models, 64 to 4096
 * @param tileOverlapPx     overlap between neighbouring tiles, less than half the tile
 * @param modelFile         an ONNX file to use instead of the shipped one
 * @param wienerSigmaPx     Gaussian PSF sigma the Wiener baseline assumes, in pixels
 * @param wienerNoiseToSignal noise-to-signal power ratio of the Wiener baseline
 * @param policy            region, overload policy and focus-drift warning
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

    /**
     * The defaults of every field, the only place they are written: {@code udbd_acf}, 1 iteration, cpu, 2 threads,
     * 256 px tiles overlapping by 32 px, the shipped model file, Wiener sigma 2.5 px and noise-to-signal 0.01, and
     * {@link DeblurPolicy#DEFAULTS}. Station files must still name their model.
     */
    public static final DeblurSettings DEFAULTS = new DeblurSettings(DeblurModel.UDBD_ACF, 1, ExecutionProvider.CPU,
            2, 256, 16, Optional.empty(), 2.5, 0.01, DeblurPolicy.DEFAULTS);

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

    /**
     * A copy with another model and iteration count, validated like the original. A model file belongs to the
     * model it was given for: a copy with another model has none (that model's shipped file).
     */
    public DeblurSettings with(DeblurModel newModel, int newIterations) {
        Optional<Path> file = newModel.equals(model) ? modelFile : Optional.empty();
        return new DeblurSettings(newModel, newIterations, executionProvider, threads, tileSizePx, tileOverlapPx,
                file, wienerSigmaPx, wienerNoiseToSignal, policy);
    }

    public DeblurSettings withModel(DeblurModel v) {
        return with(v, iterations);
    }

    public DeblurSettings withIterations(int v) {
        return with(model, v);
    }

    public DeblurSettings withExecutionProvider(ExecutionProvider v) {
        return new DeblurSettings(model, iterations, v, threads, tileSizePx, tileOverlapPx, modelFile, wienerSigmaPx,
                wienerNoiseToSignal, policy);
    }

    public DeblurSettings withThreads(int v) {
        return new DeblurSettings(model, iterations, executionProvider, v, tileSizePx, tileOverlapPx, modelFile,
                wienerSigmaPx, wienerNoiseToSignal, policy);
    }

    /** A copy with another tile edge and overlap, set together so that no intermediate copy is refused. */
    public DeblurSettings withTiles(int newTileSizePx, int newTileOverlapPx) {
        return new DeblurSettings(model, iterations, executionProvider, threads, newTileSizePx, newTileOverlapPx,
                modelFile, wienerSigmaPx, wienerNoiseToSignal, policy);
    }

    /** A copy with another model file; empty: the shipped model. */
    public DeblurSettings withModelFile(Optional<Path> v) {
        return new DeblurSettings(model, iterations, executionProvider, threads, tileSizePx, tileOverlapPx, v,
                wienerSigmaPx, wienerNoiseToSignal, policy);
    }

    public DeblurSettings withModelFile(Path v) {
        return withModelFile(Optional.of(Objects.requireNonNull(v, "modelFile")));
    }

    /** A copy with another Wiener PSF sigma and noise-to-signal ratio. */
    public DeblurSettings withWiener(double newSigmaPx, double newNoiseToSignal) {
        return new DeblurSettings(model, iterations, executionProvider, threads, tileSizePx, tileOverlapPx,
                modelFile, newSigmaPx, newNoiseToSignal, policy);
    }

    /** A copy with another region, overload and focus policy. */
    public DeblurSettings withPolicy(DeblurPolicy newPolicy) {
        return new DeblurSettings(model, iterations, executionProvider, threads, tileSizePx, tileOverlapPx,
                modelFile, wienerSigmaPx, wienerNoiseToSignal, newPolicy);
    }
}
