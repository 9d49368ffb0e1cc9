package io.aoi.deblur.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.aoi.deblur.BlurKernel;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.tiling.Planes;
import io.aoi.deblur.tiling.TileBatchProcessor;
import io.aoi.deblur.wiener.FeatureWiener;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Restores batches of tiles with one blur kernel: features graph, {@link FeatureWiener} per channel, refine
 * graph (or, for {@link UdbdGraphs.WienerStep#IN_GRAPH}, the one-graph deconvolution). One ONNX Runtime call
 * per graph and batch; inputs and outputs live in direct buffers reused from batch
 * to batch (ONNX Runtime reads and writes them in place), and the Wiener workspaces are kept per tile size.
 * Tiles smaller than {@link #MIN_MODEL_SIDE} are mirrored up to it and cropped back.
 *
 * <p>Owns the Wiener workspaces (native memory), not the graphs; {@link #close()} is idempotent. Not
 * thread-safe.
 */
final class UdbdTileRunner implements TileBatchProcessor, AutoCloseable {
    /** Tiles smaller than this are mirrored up to it before they reach the model. */
    static final int MIN_MODEL_SIDE = 16;
    /** Wiener workspaces kept, one per tile size (a frame has at most four tile sizes). */
    private static final int MAX_WORKSPACES = 8;

    private final UdbdGraphs graphs;
    private final Map<Long, FeatureWiener> wieners = new HashMap<>();
    private final DirectFloats input = new DirectFloats();
    private final DirectFloats features = new DirectFloats();
    private final DirectFloats regulariser = new DirectFloats();
    private final DirectFloats deconvolved = new DirectFloats();
    private final DirectFloats restored = new DirectFloats();
    private final DirectFloats kernels = new DirectFloats();
    private BlurKernel kernel;
    private boolean closed;

    UdbdTileRunner(UdbdGraphs graphs) {
        this.graphs = Objects.requireNonNull(graphs, "graphs");
    }

    /** The kernel for the following batches. */
    void setKernel(BlurKernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        wieners.values().forEach(w -> w.setKernel(kernel));
    }

    @Override
    public void process(float[][] tiles, int count, int width, int height, float[][] out) throws DeblurException {
        if (closed) {
            throw new IllegalStateException("tile runner is closed");
        }
        if (kernel == null) {
            throw new IllegalStateException("no kernel set");
        }
        int mw = Math.max(width, MIN_MODEL_SIDE);
        int mh = Math.max(height, MIN_MODEL_SIDE);
        boolean grow = mw != width || mh != height;
        int plane = mw * mh;
        FloatBuffer in = input.view(count * plane);
        for (int i = 0; i < count; i++) {
            in.put(i * plane, grow ? Planes.mirrorUp(tiles[i], width, height, mw, mh) : tiles[i]);
        }
        FloatBuffer result = restoreBatch(in, count, mw, mh);
        float[] grown = grow ? new float[plane] : null;
        for (int i = 0; i < count; i++) {
            if (grow) {
                result.get(i * plane, grown);
                System.arraycopy(Planes.crop(grown, mw, width, height), 0, out[i], 0, width * height);
            } else {
                result.get(i * plane, out[i], 0, plane);
            }
        }
    }

    /**
     * The restored batch for {@code count} tiles of {@code width x height} (each at least {@link #MIN_MODEL_SIDE})
     * held in {@code in}; the returned buffer is reused by the next call.
     */
    FloatBuffer restoreBatch(FloatBuffer in, int count, int width, int height) throws DeblurException {
        return graphs.wienerStep() == UdbdGraphs.WienerStep.IN_GRAPH ? restoreInGraph(in, count, width, height)
                : restoreWithHostFft(in, count, width, height);
    }

    /** One run of the one-graph deconvolution, with the frame kernel fed once per tile. */
    private FloatBuffer restoreInGraph(FloatBuffer in, int count, int width, int height) throws DeblurException {
        float[] taps = kernel.taps();
        FloatBuffer k = kernels.view(count * taps.length);
        for (int i = 0; i < count; i++) {
            k.put(i * taps.length, taps);
        }
        FloatBuffer res = restored.view(count * width * height);
        long side = kernel.sidePx();
        try (OnnxTensor blurredT = tensor(in, new long[] {count, 1, height, width});
             OnnxTensor kernelT = tensor(k, new long[] {count, 1, side, side});
             OnnxTensor resT = tensor(res, new long[] {count, 1, height, width})) {
            graphs.deconvolution().runInto(Map.of(UdbdGraphs.BLURRED, blurredT, UdbdGraphs.KERNEL, kernelT),
                    Map.of(UdbdGraphs.RESTORED, resT));
        }
        return res;
    }

    private FloatBuffer restoreWithHostFft(FloatBuffer in, int count, int width, int height)
            throws DeblurException {
        int channels = graphs.channels();
        int plane = width * height;
        long[] one = {count, 1, height, width};
        long[] many = {count, channels, height, width};
        FloatBuffer feat = features.view(count * channels * plane);
        FloatBuffer reg = regulariser.view(count * channels);
        FloatBuffer dec = deconvolved.view(count * channels * plane);
        FloatBuffer res = restored.view(count * plane);
        try (OnnxTensor blurredT = tensor(in, one);
             OnnxTensor featT = tensor(feat, many);
             OnnxTensor regT = tensor(reg, new long[] {count, channels, 1, 1});
             OnnxTensor decT = tensor(dec, many);
             OnnxTensor resT = tensor(res, one)) {
            graphs.features().runInto(Map.of(UdbdGraphs.BLURRED, blurredT),
                    Map.of(UdbdGraphs.FEATURES, featT, UdbdGraphs.REGULARISER, regT));
            FeatureWiener wiener = wiener(width, height);
            for (int i = 0; i < count * channels; i++) {
                wiener.deconvolve(feat, i * plane, reg.get(i), dec, i * plane);
            }
            graphs.refine().runInto(Map.of(UdbdGraphs.DECONVOLVED, decT, UdbdGraphs.BLURRED, blurredT),
                    Map.of(UdbdGraphs.RESTORED, resT));
        }
        return res;
    }

    private OnnxTensor tensor(FloatBuffer buffer, long[] shape) throws DeblurException {
        try {
            return OnnxTensor.createTensor(graphs.kernel().environment(), buffer, shape);
        } catch (OrtException e) {
            throw new DeblurException("cannot make a tensor of shape " + java.util.Arrays.toString(shape) + ": "
                    + e.getMessage(), e);
        }
    }

    private FeatureWiener wiener(int width, int height) {
        long key = ((long) width << 32) | height;
        FeatureWiener w = wieners.get(key);
        if (w == null) {
            if (wieners.size() >= MAX_WORKSPACES) { // region windows of many sizes: start over
                wieners.values().forEach(FeatureWiener::close);
                wieners.clear();
            }
            w = new FeatureWiener(width, height);
            wieners.put(key, w);
            w.setKernel(kernel);
        }
        return w;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            wieners.values().forEach(FeatureWiener::close);
            wieners.clear();
        }
    }
}
