package io.aoi.deblur.onnx;

import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ONNX graphs of one UDBD-Net, split at the Wiener step (models/python/aoi_models/udbd/split.py):
 * <ul>
 *   <li>{@code NAME.kernel.onnx}: {@code blurred [N,1,H,W] -> kernel [N,1,21,21]};</li>
 *   <li>{@code NAME.features.onnx}: {@code blurred -> features [N,C,H,W], regulariser [N,C,1,1]};</li>
 *   <li>{@code NAME.refine.onnx}: {@code deconvolved [N,C,H,W], blurred -> restored [N,1,H,W]}.</li>
 * </ul>
 * The Wiener step between features and refine is {@link io.aoi.deblur.wiener.FeatureWiener}, on the host.
 *
 * <p>For the CUDA provider a fourth file, {@code NAME.cuda.onnx} ({@code blurred, kernel -> restored}), holds
 * features, Wiener step and refine in one graph, the Wiener step as matrix DFTs: on a GPU these cost about as
 * much as the network itself, whereas a round trip to the host FFT between two graphs would be limited by the
 * CPU's FFT of 24 channels (see MODEL_CARD.md, "GPU"). {@link WienerStep} says which form is used.
 *
 * <p>Owns the sessions; {@link #close()} closes them and is idempotent.
 */
public final class UdbdGraphs implements AutoCloseable {
    public static final String BLURRED = "blurred";
    public static final String KERNEL = "kernel";
    public static final String FEATURES = "features";
    public static final String REGULARISER = "regulariser";
    public static final String DECONVOLVED = "deconvolved";
    public static final String RESTORED = "restored";
    /** The graph file suffixes of the host-FFT form, in pipeline order. */
    public static final List<String> PARTS = List.of("kernel", "features", "refine");
    /** The suffix of the one-graph deconvolution for the CUDA provider. */
    public static final String CUDA_PART = "cuda";
    public static final ModelSignature KERNEL_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(BLURRED, 4)), List.of(TensorSpec.float32(KERNEL, 4)));
    public static final ModelSignature FEATURES_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(BLURRED, 4)),
            List.of(TensorSpec.float32(FEATURES, 4), TensorSpec.float32(REGULARISER, 4)));
    public static final ModelSignature REFINE_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(DECONVOLVED, 4), TensorSpec.float32(BLURRED, 4)),
            List.of(TensorSpec.float32(RESTORED, 4)));
    public static final ModelSignature CUDA_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(BLURRED, 4), TensorSpec.float32(KERNEL, 4)),
            List.of(TensorSpec.float32(RESTORED, 4)));

    /** Where the Wiener step runs. */
    public enum WienerStep {
        /** Between the features and refine graphs, with OpenCV's DFT on the host (the CPU provider's form). */
        HOST_FFT,
        /** Inside the one-graph deconvolution {@code NAME.cuda.onnx}, on the provider's device. */
        IN_GRAPH;

        /** {@link #IN_GRAPH} for CUDA, else {@link #HOST_FFT}. */
        public static WienerStep forProvider(ExecutionProvider provider) {
            return provider == ExecutionProvider.CUDA ? IN_GRAPH : HOST_FFT;
        }

        List<String> parts() {
            return this == HOST_FFT ? PARTS : List.of(PARTS.get(0), CUDA_PART);
        }

        List<ModelSignature> signatures() {
            return this == HOST_FFT ? List.of(KERNEL_SIGNATURE, FEATURES_SIGNATURE, REFINE_SIGNATURE)
                    : List.of(KERNEL_SIGNATURE, CUDA_SIGNATURE);
        }
    }

    private final WienerStep wienerStep;
    private final List<OnnxModel> models;
    private final int channels;
    private boolean closed;

    private UdbdGraphs(WienerStep wienerStep, List<OnnxModel> models) throws DeblurException {
        this.wienerStep = wienerStep;
        this.models = List.copyOf(models);
        long[] kernelShape = kernel().outputShape(KERNEL);
        expectDimension(kernel(), "output kernel's height", kernelShape, 2, KERNEL_SIZE_PX, "");
        expectDimension(kernel(), "output kernel's width", kernelShape, 3, KERNEL_SIZE_PX, "");
        if (wienerStep == WienerStep.HOST_FFT) {
            long c = features().outputShape(FEATURES)[1];
            if (c < 1) {
                throw new DeblurException("model " + features().source()
                        + " declares no fixed feature channel count");
            }
            this.channels = (int) c;
            String why = " (the feature channels of " + features().source() + ")";
            expectDimension(features(), "output regulariser's channels", features().outputShape(REGULARISER), 1, c,
                    why);
            expectDimension(refine(), "input deconvolved's channels", refine().inputShape(DECONVOLVED), 1, c, why);
        } else {
            this.channels = 0;
        }
    }

    /** The edge of the kernel the kernel graph outputs, as {@link FrameKernelEstimator} reads it. */
    static final int KERNEL_SIZE_PX = 21;

    /**
     * Refuses graphs that load but cannot run together (for example a refine graph of another export, which would
     * fail on every tile): a fixed dimension must be {@code expected}; a dynamic one (-1) is let pass.
     */
    private static void expectDimension(OnnxModel model, String what, long[] shape, int axis, long expected,
            String why) throws DeblurException {
        if (shape.length > axis && shape[axis] >= 0 && shape[axis] != expected) {
            throw new DeblurException("model " + model.source() + " does not fit the other graphs of its model: its "
                    + what + " is " + shape[axis] + ", allowed: " + expected + why + "; the graph files of one"
                    + " model must come from one export (python3 -m aoi_models.udbd.export, run in models/python)");
        }
    }

    /**
     * The graph files of a model named by {@code file}: {@code NAME.onnx} or any of {@code NAME.kernel.onnx},
     * {@code NAME.features.onnx}, {@code NAME.refine.onnx} stands for the three files beside each other.
     */
    public static List<Path> partFiles(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        for (String part : List.of("kernel", "features", "refine", CUDA_PART)) {
            if (stem.endsWith("." + part)) {
                stem = stem.substring(0, stem.length() - part.length() - 1);
                break;
            }
        }
        List<Path> out = new ArrayList<>();
        for (String part : PARTS) {
            out.add(file.resolveSibling(stem + "." + part + ".onnx"));
        }
        return out;
    }

    private static List<Path> partFiles(Path file, WienerStep step) {
        List<Path> host = partFiles(file);
        if (step == WienerStep.HOST_FFT) {
            return host;
        }
        String kernelName = host.get(0).getFileName().toString();
        String stem = kernelName.substring(0, kernelName.length() - ".kernel.onnx".length());
        return List.of(host.get(0), file.resolveSibling(stem + "." + CUDA_PART + ".onnx"));
    }

    /**
     * Intra-op threads per graph: {@code kernelGraph} for the kernel graph, which runs alone once per frame and
     * pass, {@code tileGraphs} for the graphs that run per tile (several tiles may run at once).
     */
    public record Threads(int kernelGraph, int tileGraphs) {
        public Threads {
            if (kernelGraph < 1 || tileGraphs < 1) {
                throw new IllegalArgumentException("graph threads " + kernelGraph + " and " + tileGraphs
                        + "; each must be at least 1");
            }
        }

        /** The same count for every graph. */
        public static Threads all(int threads) {
            return new Threads(threads, threads);
        }

        int forPart(int index) {
            return index == 0 ? kernelGraph : tileGraphs;
        }
    }

    /**
     * Opens the three graph files that {@code file} names (see {@link #partFiles}), with intra-op threads per
     * graph.
     *
     * @throws DeblurException naming every missing file, or the file that does not load or match
     */
    public static UdbdGraphs open(Path file, ExecutionProvider provider, Threads threads) throws DeblurException {
        WienerStep step = WienerStep.forProvider(provider);
        List<Path> parts = partFiles(file, step);
        List<String> missing = new ArrayList<>();
        for (Path p : parts) {
            if (!Files.isRegularFile(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            String single = Files.isRegularFile(file) && !parts.contains(file) ? " (" + file + " itself is not read:"
                    + " single-graph UDBD-Net files are no longer run; re-export the checkpoint)" : "";
            throw new DeblurException("UDBD-Net model " + file + ": missing graph file(s) " + missing + single
                    + "; a UDBD-Net model is the files NAME.kernel.onnx, NAME.features.onnx and NAME.refine.onnx"
                    + " (CPU provider) or NAME.kernel.onnx and NAME.cuda.onnx (CUDA provider), written by"
                    + " python3 -m aoi_models.udbd.export --out NAME.onnx (run in models/python)");
        }
        List<OnnxModel> models = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                models.add(OnnxModel.open(parts.get(i), step.signatures().get(i), provider,
                        threads.forPart(i)));
            }
            return new UdbdGraphs(step, models);
        } catch (DeblurException | RuntimeException e) {
            models.forEach(OnnxModel::close);
            throw e;
        }
    }

    /**
     * Opens the graphs shipped under a classpath stem, e.g. {@code /io/aoi/models/udbd/udbd-net}, in the form
     * {@link WienerStep#forProvider} chooses, with intra-op threads per graph.
     */
    public static UdbdGraphs openResource(String stem, ExecutionProvider provider, Threads threads)
            throws DeblurException {
        return openResource(stem, provider, threads, WienerStep.forProvider(provider));
    }

    /**
     * Opens the graphs shipped under a classpath stem in the given form (both forms run on either provider), with
     * intra-op threads per graph.
     */
    public static UdbdGraphs openResource(String stem, ExecutionProvider provider, Threads threads, WienerStep step)
            throws DeblurException {
        List<OnnxModel> models = new ArrayList<>();
        try {
            for (int i = 0; i < step.parts().size(); i++) {
                models.add(OnnxModel.openResource(stem + "." + step.parts().get(i) + ".onnx",
                        step.signatures().get(i), provider, threads.forPart(i)));
            }
            return new UdbdGraphs(step, models);
        } catch (DeblurException | RuntimeException e) {
            models.forEach(OnnxModel::close);
            throw e;
        }
    }

    public WienerStep wienerStep() {
        return wienerStep;
    }

    public OnnxModel kernel() {
        return models.get(0);
    }

    /** The features graph ({@link WienerStep#HOST_FFT} only). */
    public OnnxModel features() {
        requireStep(WienerStep.HOST_FFT);
        return models.get(1);
    }

    /** The refine graph ({@link WienerStep#HOST_FFT} only). */
    public OnnxModel refine() {
        requireStep(WienerStep.HOST_FFT);
        return models.get(2);
    }

    /** The one-graph deconvolution ({@link WienerStep#IN_GRAPH} only). */
    public OnnxModel deconvolution() {
        requireStep(WienerStep.IN_GRAPH);
        return models.get(1);
    }

    /** Feature channels C between the features and refine graphs ({@link WienerStep#HOST_FFT} only). */
    public int channels() {
        requireStep(WienerStep.HOST_FFT);
        return channels;
    }

    /**
     * Ends the runs in progress of every graph and makes later runs fail ({@link OnnxModel#abortRuns()}), so a
     * frame between two graphs stops at the next one. Any thread.
     */
    public void abortRuns() {
        models.forEach(OnnxModel::abortRuns);
    }

    private void requireStep(WienerStep step) {
        if (wienerStep != step) {
            throw new IllegalStateException("graphs opened with the Wiener step " + wienerStep + ", not " + step);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            models.forEach(OnnxModel::close);
        }
    }
}
