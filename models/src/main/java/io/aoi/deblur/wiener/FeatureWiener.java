package io.aoi.deblur.wiener;

import io.aoi.cv.MatScope;
import io.aoi.cv.OpenCv;
import io.aoi.deblur.BlurKernel;
import java.nio.FloatBuffer;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;

/**
 * The deep-feature Wiener deconvolution (DFWD) step of UDBD-Net, with OpenCV's DFT, for feature maps of one
 * size: every channel is padded by replicating its edge {@link #PAD_PX} samples on each side, transformed,
 * multiplied by {@code conj(K) / (|K|^2 + C_i)} with the channel's regulariser {@code C_i}, transformed back
 * and cropped. {@code K} is the spectrum of the blur kernel zero-padded to the padded size with its centre at
 * (0, 0). This is exactly the step the network was trained with (models/python/aoi_models/udbd/split.py is its NumPy
 * reference), at FFT cost instead of the O(N^3) matrix DFT an ONNX graph would need.
 *
 * <p>All spectra are kept in OpenCV's packed CCS layout, so the real-input transforms do half the work of
 * complex ones; the kernel's spectrum and power are computed once per {@link #setKernel}. The power is kept in
 * every slot of the layout (real and imaginary alike), so that {@code K / (|K|^2 + C_i)} is one element-wise
 * division of two CCS arrays, and the channel's spectrum needs one complex product with the conjugate of that
 * instead of two (on one 224 x 192 feature map the products took 0.08-0.12 instead of 0.16-0.23 ms, of about
 * 0.5-0.9 ms for the channel). Buffers are allocated once, in the constructor. Owns native memory:
 * {@link #close()} frees it and is idempotent. Not thread-safe.
 */
public final class FeatureWiener implements AutoCloseable {
    /** Replicate padding on each side of a feature map, as in training. */
    public static final int PAD_PX = 16;

    private final int width;
    private final int height;
    private final int paddedWidth;
    private final int paddedHeight;
    private final MatScope scope = new MatScope();
    private final Mat channel;
    private final Mat padded;
    private final Mat spectrum;
    private final Mat kernelSpectrum;
    private final Mat powerEverySlot;
    private final Mat allOnes;
    private final Mat denominator;
    private final Mat filter;
    private final Mat filtered;
    private final Mat restored;
    private final Mat cropped;
    private final Rect inner;
    private final float[] values;
    private boolean kernelSet;

    /**
     * @param width  feature map width, at least 1
     * @param height feature map height, at least 1
     */
    public FeatureWiener(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("feature map " + width + "x" + height + "; allowed: at least 1x1");
        }
        OpenCv.load();
        this.width = width;
        this.height = height;
        this.paddedWidth = width + 2 * PAD_PX;
        this.paddedHeight = height + 2 * PAD_PX;
        channel = scope.add(new Mat(height, width, CvType.CV_32FC1));
        padded = scope.mat();
        spectrum = scope.mat();
        kernelSpectrum = scope.mat();
        powerEverySlot = scope.mat();
        denominator = scope.mat();
        filter = scope.mat();
        filtered = scope.mat();
        restored = scope.mat();
        cropped = scope.add(new Mat(height, width, CvType.CV_32FC1));
        inner = new Rect(PAD_PX, PAD_PX, width, height);
        values = new float[width * height];
        // 1 in every slot: as a CCS spectrum each complex entry 1 + 1i (the purely real entries 1), so that its
        // product with a real spectrum r is r in the real and in the imaginary slot
        allOnes = scope.add(new Mat(paddedHeight, paddedWidth, CvType.CV_32FC1, new Scalar(1)));
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Sets the blur kernel for the following {@link #deconvolve} calls. */
    public void setKernel(BlurKernel kernel) {
        checkOpen();
        int side = kernel.sidePx();
        int r = side / 2;
        float[] wrapped = new float[paddedWidth * paddedHeight];
        for (int y = 0; y < side; y++) {
            int ty = Math.floorMod(y - r, paddedHeight);
            for (int x = 0; x < side; x++) {
                wrapped[ty * paddedWidth + Math.floorMod(x - r, paddedWidth)] += kernel.tap(x, y);
            }
        }
        try (MatScope local = new MatScope()) {
            Mat k = local.add(new Mat(paddedHeight, paddedWidth, CvType.CV_32FC1));
            k.put(0, 0, wrapped);
            Core.dft(k, kernelSpectrum);
        }
        try (MatScope local = new MatScope()) {
            Mat power = local.mat();
            Core.mulSpectrums(kernelSpectrum, kernelSpectrum, power, 0, true); // |K|^2, imaginary slots 0
            Core.mulSpectrums(allOnes, power, powerEverySlot, 0, false); // |K|^2 in every slot
        }
        kernelSet = true;
    }

    /**
     * Deconvolves one feature channel.
     *
     * @param features    holds the channel row-major at {@code offset} ({@code width * height} values); read
     *                    with absolute gets, its position is not changed
     * @param regulariser the channel's {@code C_i}, &gt; 0
     * @param out         receives the deconvolved channel row-major at {@code outOffset}; absolute puts
     */
    public void deconvolve(FloatBuffer features, int offset, float regulariser, FloatBuffer out, int outOffset) {
        checkOpen();
        if (!kernelSet) {
            throw new IllegalStateException("no kernel set");
        }
        if (!(regulariser > 0) || Float.isInfinite(regulariser)) {
            throw new IllegalArgumentException("regulariser " + regulariser + "; allowed: a finite number > 0");
        }
        features.get(offset, values);
        channel.put(0, 0, values);
        Core.copyMakeBorder(channel, padded, PAD_PX, PAD_PX, PAD_PX, PAD_PX, Core.BORDER_REPLICATE);
        Core.dft(padded, spectrum);
        Core.add(powerEverySlot, new Scalar(regulariser), denominator);
        Core.divide(kernelSpectrum, denominator, filter); // K / (|K|^2 + C), slot by slot
        Core.mulSpectrums(spectrum, filter, filtered, 0, true); // S conj(K) / (|K|^2 + C)
        Core.idft(filtered, restored, Core.DFT_SCALE | Core.DFT_REAL_OUTPUT);
        try (MatScope local = new MatScope()) {
            local.add(restored.submat(inner)).copyTo(cropped);
        }
        cropped.get(0, 0, values);
        out.put(outOffset, values);
    }

    private void checkOpen() {
        if (scope.isClosed()) {
            throw new IllegalStateException("feature Wiener step " + width + "x" + height + " is closed");
        }
    }

    @Override
    public void close() {
        scope.close();
    }
}
