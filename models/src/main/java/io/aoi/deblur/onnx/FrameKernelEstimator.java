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
import java.util.Objects;

/**
 * One blur kernel per frame: the kernel graph runs on up to {@link Crops#count()} square crops of the frame (or of
 * caller-given windows) and the estimates are averaged. Defocus is uniform over a frame, and the kernel net
 * pools over its whole input, so crops at the model's native scale are used, never a downscaled frame (the
 * kernel scales with the image). Of the candidate crops, those with the most variance are taken: flat areas say
 * nothing about the blur. Crops of one size run as one batch. {@link CropInput#NOISE_FLOOR} tops each crop's noise
 * up to {@link KernelNoiseFloor}'s floor first (the first pass on a camera frame). Not thread-safe.
 */
final class FrameKernelEstimator {
    private static final int KERNEL_PX = UdbdGraphs.KERNEL_SIZE_PX;
    private static final int KERNEL_TAPS = KERNEL_PX * KERNEL_PX;

    /**
     * Which crops the kernel graph gets: at most {@code count} of {@code sidePx} (smaller where the frame is).
     *
     * @param count  at least 1
     * @param sidePx crop edge, at least {@link UdbdTileRunner#MIN_MODEL_SIDE}
     */
    record Crops(int count, int sidePx) {
        /**
         * The general model: its kernel net was trained on 256 px crops (on the GPU) and then 128 px. Four of
         * 256 px read test photographs at sigma 2.4 better than eight of 128 px (15 photographs of 768 x 512, read
         * noise 0.005: 32.98 against 32.81 dB after one pass; 128 px crops read the blur about 0.15 px too high).
         */
        static final Crops GENERAL = new Crops(4, 256);
        /**
         * The ACF models: their kernel net was trained on 128 px crops. Eight of them read a simulated 1024 x 512
         * panel as steadily as four of 256 px (4 frames at a true 3 px: 2.94 to 3.01 against 2.87 to 2.92 px) in
         * about half the time (17 against 30 ms per frame on two cores), and detect the same after one pass (F1
         * within 0.004 at sigma 0 to 4); four of 128 px take 9 ms but spread 2.93 to 3.10.
         */
        static final Crops ACF = new Crops(8, 128);

        Crops {
            if (count < 1 || sidePx < UdbdTileRunner.MIN_MODEL_SIDE) {
                throw new IllegalArgumentException("kernel crops " + count + " x " + sidePx + " px; allowed: at least"
                        + " 1 crop of at least " + UdbdTileRunner.MIN_MODEL_SIDE + " px");
            }
        }
    }

    private final OnnxModel kernelGraph;
    private final Crops crops;
    private final DirectFloats input = new DirectFloats();
    private final DirectFloats output = new DirectFloats();

    FrameKernelEstimator(OnnxModel kernelGraph, Crops crops) {
        this.kernelGraph = kernelGraph;
        this.crops = Objects.requireNonNull(crops, "crops");
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

    /** The kernel of a whole plane, from its best crops. */
    BlurKernel estimate(float[] plane, int width, int height, CropInput cropInput) throws DeblurException {
        return estimate(List.of(new View(plane, width, height)), cropInput);
    }

    /** One kernel for several windows of a frame (for example its bumps), from their best crops. */
    BlurKernel estimate(List<View> views, CropInput cropInput) throws DeblurException {
        List<Crop> candidates = new ArrayList<>();
        for (View v : views) {
            int cw = Math.min(crops.sidePx(), v.width());
            int ch = Math.min(crops.sidePx(), v.height());
            for (int y0 : starts(v.height(), ch)) {
                for (int x0 : starts(v.width(), cw)) {
                    candidates.add(new Crop(v, x0, y0, cw, ch, variance(v, x0, y0, cw, ch)));
                }
            }
        }
        candidates.sort(Comparator.comparingDouble(Crop::variance).reversed());
        Map<Long, List<Crop>> bySize = new LinkedHashMap<>();
        for (Crop c : candidates.subList(0, Math.min(crops.count(), candidates.size()))) {
            bySize.computeIfAbsent(((long) c.width << 32) | c.height, k -> new ArrayList<>()).add(c);
        }
        List<BlurKernel> kernels = new ArrayList<>();
        for (List<Crop> batch : bySize.values()) {
            kernels.addAll(run(batch, cropInput));
        }
        return BlurKernel.mean(kernels);
    }

    private List<BlurKernel> run(List<Crop> batch, CropInput cropInput) throws DeblurException {
        Crop first = batch.get(0);
        int mw = Math.max(first.width, UdbdTileRunner.MIN_MODEL_SIDE);
        int mh = Math.max(first.height, UdbdTileRunner.MIN_MODEL_SIDE);
        int plane = mw * mh;
        int n = batch.size();
        FloatBuffer in = input.view(n * plane);
        for (int i = 0; i < n; i++) {
            Crop c = batch.get(i);
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
             OnnxTensor outT = OnnxTensor.createTensor(kernelGraph.environment(), out,
                     new long[] {n, 1, KERNEL_PX, KERNEL_PX})) {
            kernelGraph.runInto(Map.of(UdbdGraphs.BLURRED, inT), Map.of(UdbdGraphs.KERNEL, outT));
        } catch (OrtException e) {
            throw new DeblurException("kernel estimation on " + n + " crops of " + mw + "x" + mh + " failed: "
                    + e.getMessage(), e);
        }
        List<BlurKernel> kernels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] taps = new float[KERNEL_TAPS];
            out.get(i * KERNEL_TAPS, taps);
            kernels.add(new BlurKernel(KERNEL_PX, taps));
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
