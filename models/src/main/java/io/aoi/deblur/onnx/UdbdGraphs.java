package io.aoi.deblur.onnx;

import io.aoi.config.ExecutionProvider;
import io.aoi.deblur.DeblurException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The three ONNX graphs of one UDBD-Net, split at the Wiener step (models/python/udbd/split.py):
 * <ul>
 *   <li>{@code NAME.kernel.onnx}: {@code blurred [N,1,H,W] -> kernel [N,1,21,21]};</li>
 *   <li>{@code NAME.features.onnx}: {@code blurred -> features [N,C,H,W], regulariser [N,C,1,1]};</li>
 *   <li>{@code NAME.refine.onnx}: {@code deconvolved [N,C,H,W], blurred -> restored [N,1,H,W]}.</li>
 * </ul>
 * The Wiener step between features and refine is {@link io.aoi.deblur.wiener.FeatureWiener}.
 *
 * <p>Owns the three sessions; {@link #close()} closes them and is idempotent.
 */
public final class UdbdGraphs implements AutoCloseable {
    public static final String BLURRED = "blurred";
    public static final String KERNEL = "kernel";
    public static final String FEATURES = "features";
    public static final String REGULARISER = "regulariser";
    public static final String DECONVOLVED = "deconvolved";
    public static final String RESTORED = "restored";
    /** The graph file suffixes, in pipeline order. */
    public static final List<String> PARTS = List.of("kernel", "features", "refine");
    public static final ModelSignature KERNEL_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(BLURRED, 4)), List.of(TensorSpec.float32(KERNEL, 4)));
    public static final ModelSignature FEATURES_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(BLURRED, 4)),
            List.of(TensorSpec.float32(FEATURES, 4), TensorSpec.float32(REGULARISER, 4)));
    public static final ModelSignature REFINE_SIGNATURE = new ModelSignature(
            List.of(TensorSpec.float32(DECONVOLVED, 4), TensorSpec.float32(BLURRED, 4)),
            List.of(TensorSpec.float32(RESTORED, 4)));
    private static final List<ModelSignature> SIGNATURES = List.of(KERNEL_SIGNATURE, FEATURES_SIGNATURE,
            REFINE_SIGNATURE);

    private final OnnxModel kernel;
    private final OnnxModel features;
    private final OnnxModel refine;
    private final int channels;
    private boolean closed;

    private UdbdGraphs(List<OnnxModel> models) throws DeblurException {
        this.kernel = models.get(0);
        this.features = models.get(1);
        this.refine = models.get(2);
        long c = features.outputShape(FEATURES)[1];
        if (c < 1) {
            throw new DeblurException("model " + features.source() + " declares no fixed feature channel count");
        }
        this.channels = (int) c;
    }

    /**
     * The graph files of a model named by {@code file}: {@code NAME.onnx} or any of {@code NAME.kernel.onnx},
     * {@code NAME.features.onnx}, {@code NAME.refine.onnx} stands for the three files beside each other.
     */
    public static List<Path> partFiles(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".onnx") ? name.substring(0, name.length() - ".onnx".length()) : name;
        for (String part : PARTS) {
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

    /**
     * Opens the three graph files that {@code file} names (see {@link #partFiles}).
     *
     * @throws DeblurException naming every missing file, or the file that does not load or match
     */
    public static UdbdGraphs open(Path file, ExecutionProvider provider, int threads) throws DeblurException {
        List<Path> parts = partFiles(file);
        List<String> missing = new ArrayList<>();
        for (Path p : parts) {
            if (!Files.isRegularFile(p)) {
                missing.add(p.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new DeblurException("UDBD-Net model " + file + ": missing graph file(s) " + missing
                    + "; a UDBD-Net model is three files NAME.kernel.onnx, NAME.features.onnx and NAME.refine.onnx"
                    + " (written by models/python/export_udbd.py --out NAME.onnx)");
        }
        List<OnnxModel> models = new ArrayList<>();
        try {
            for (int i = 0; i < parts.size(); i++) {
                models.add(OnnxModel.open(parts.get(i), SIGNATURES.get(i), provider, threads));
            }
            return new UdbdGraphs(models);
        } catch (DeblurException | RuntimeException e) {
            models.forEach(OnnxModel::close);
            throw e;
        }
    }

    /** Opens the three graphs shipped under a classpath stem, e.g. {@code /io/aoi/models/udbd/udbd-net}. */
    public static UdbdGraphs openResource(String stem, ExecutionProvider provider, int threads)
            throws DeblurException {
        List<OnnxModel> models = new ArrayList<>();
        try {
            for (int i = 0; i < PARTS.size(); i++) {
                models.add(OnnxModel.openResource(stem + "." + PARTS.get(i) + ".onnx", SIGNATURES.get(i), provider,
                        threads));
            }
            return new UdbdGraphs(models);
        } catch (DeblurException | RuntimeException e) {
            models.forEach(OnnxModel::close);
            throw e;
        }
    }

    public OnnxModel kernel() {
        return kernel;
    }

    public OnnxModel features() {
        return features;
    }

    public OnnxModel refine() {
        return refine;
    }

    /** Feature channels C between the features and refine graphs. */
    public int channels() {
        return channels;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            kernel.close();
            features.close();
            refine.close();
        }
    }
}
