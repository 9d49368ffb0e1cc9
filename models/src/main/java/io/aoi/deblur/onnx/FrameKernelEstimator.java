package io.aoi.deblur.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import io.aoi.deblur.BlurKernel;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.tiling.Planes;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One blur kernel per frame: the kernel graph runs on up to {@link #MAX_CROPS} square crops of the frame (or of
 * caller-given windows) and the estimates are averaged. Defocus is uniform over a frame, and the kernel net
 * pools over its whole input, so crops at the model's native scale are used, never a downscaled frame (the
 * kernel scales with the image). Of the candidate crops, those with the most variance are taken: flat areas say
 * nothing about the blur. Crops of one size run as one batch. {@link CropInput#NOISE_FLOOR} tops each crop's noise
 * up to {@link KernelNoiseFloor}'s floor first (the first pass on a camera frame). Not thread-safe.
 */
final class FrameKernelEstimator {
    /** At most this many crops per frame go to the kernel graph. */
    static final int MAX_CROPS = 4;
    /** Crop edge: the training crops were 128 to 256 px. */
    static final int CROP_PX = 256;
    private static final int KERNEL_TAPS = 21 * 21;

    private final OnnxModel kernelGraph;
    private final DirectFloats input = new DirectFloats();
    private final DirectFloats output = new DirectFloats();

    FrameKernelEstimator(OnnxModel kernelGraph) {
        this.kernelGraph = kernelGraph;
    }

    /** What the kernel graph is given of each crop. */
    enum CropInput {
        /** The crop itself. */
        AS_IS,
        /** The crop with its noise topped up to {@link KernelNoiseFloor#NOISE_SIGMA}. */
        NOISE_FLOOR
    }

    /** A row-major plane or window of one. */
    record View(float[] samples, int width, int height) {
    }

    /** The kernel of a whole plane, from its best crops as they are. */
    BlurKernel estimate(float[] plane, int width, int height) throws DeblurException {
        return estimate(plane, width, height, CropInput.AS_IS);
    }

    /** The kernel of a whole plane, from its best crops. */
    BlurKernel estimate(float[] plane, int width, int height, CropInput cropInput) throws DeblurException {
        return estimate(List.of(new View(plane, width, height)), cropInput);
    }

    /** One kernel for several windows of a frame (for example its bumps), from their best crops. */
    BlurKernel estimate(List<View> views, CropInput cropInput) throws DeblurException {
        List<Crop> candidates = new ArrayList<>();
        for (View v : views) {
            int cw = Math.min(CROP_PX, v.width());
            int ch = Math.min(CROP_PX, v.height());
            for (int y0 : starts(v.height(), ch)) {
                for (int x0 : starts(v.width(), cw)) {
                    candidates.add(new Crop(v, x0, y0, cw, ch, variance(v, x0, y0, cw, ch)));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Crop::variance).reversed());
        Map<Long, List<Crop>> bySize = new LinkedHashMap<>();
        for (Crop c : candidates.subList(0, Math.min(MAX_CROPS, candidates.size()))) {
            bySize.computeIfAbsent(((long) c.width << 32) | c.height, k -> new ArrayList<>()).add(c);
        }
        List<BlurKernel> kernels = new ArrayList<>();
        for (List<Crop> batch : bySize.values()) {
            kernels.addAll(run(batch, cropInput));
        }
        return BlurKernel.mean(kernels);
    }

    private List<BlurKernel> run(List<Crop> crops, CropInput cropInput) throws DeblurException {
        Crop first = crops.get(0);
        int mw = Math.max(first.width, UdbdTileRunner.MIN_MODEL_SIDE);
        int mh = Math.max(first.height, UdbdTileRunner.MIN_MODEL_SIDE);
        int plane = mw * mh;
        int n = crops.size();
        FloatBuffer in = input.view(n * plane);
        for (int i = 0; i < n; i++) {
            Crop c = crops.get(i);
            float[] samples = new float[c.width * c.height];
            for (int y = 0; y < c.height; y++) {
                System.arraycopy(c.view.samples(), (c.y + y) * c.view.width() + c.x, samples, y * c.width, c.width);
            }
            if (cropInput == CropInput.NOISE_FLOOR) {
                KernelNoiseFloor.apply(samples, c.width, c.height);
            }
            in.put(i * plane, mw == c.width && mh == c.height ? samples
                    : Planes.mirrorUp(samples, c.width, c.height, mw, mh));
        }
        FloatBuffer out = output.view(n * KERNEL_TAPS);
        try (OnnxTensor inT = OnnxTensor.createTensor(kernelGraph.environment(), in, new long[] {n, 1, mh, mw});
             OnnxTensor outT = OnnxTensor.createTensor(kernelGraph.environment(), out, new long[] {n, 1, 21, 21})) {
            kernelGraph.runInto(Map.of(UdbdGraphs.BLURRED, inT), Map.of(UdbdGraphs.KERNEL, outT));
        } catch (OrtException e) {
            throw new DeblurException("kernel estimation on " + n + " crops of " + mw + "x" + mh + " failed: "
                    + e.getMessage(), e);
        }
        List<BlurKernel> kernels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] taps = new float[KERNEL_TAPS];
            out.get(i * KERNEL_TAPS, taps);
            kernels.add(new BlurKernel(21, taps));
        }
        return kernels;
    }

    private record Crop(View view, int x, int y, int width, int height, double variance) {
    }

    /** Non-overlapping crop starts covering [0, size), the last one flush with the end. */
    private static List<Integer> starts(int size, int crop) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s + crop <= size; s += crop) {
            out.add(s);
        }
        if (out.isEmpty() || out.get(out.size() - 1) + crop < size) {
            out.add(size - crop);
        }
        return out;
    }

    private static double variance(View v, int x0, int y0, int w, int h) {
        double sum = 0;
        double sq = 0;
        for (int y = y0; y < y0 + h; y++) {
            int row = y * v.width();
            for (int x = x0; x < x0 + w; x++) {
                double s = v.samples()[row + x];
                sum += s;
                sq += s * s;
            }
        }
        double n = (double) w * h;
        return sq / n - (sum / n) * (sum / n);
    }
}
