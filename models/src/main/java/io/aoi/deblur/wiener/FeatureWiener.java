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
 * complex ones; the kernel's spectrum and power are computed once per {@link #setKernel}. Buffers are
 * allocated once, in the constructor. Owns native memory: {@link #close()} frees it and is idempotent. Not
 * thread-safe.
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
    private final Mat power;
    private final Mat ones;
    private final Mat denominator;
    private final Mat inverse;
    private final Mat weighted;
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
        power = scope.mat();
        denominator = scope.mat();
        inverse = scope.mat();
        weighted = scope.mat();
        filtered = scope.mat();
        restored = scope.mat();
        cropped = scope.add(new Mat(height, width, CvType.CV_32FC1));
        inner = new Rect(PAD_PX, PAD_PX, width, height);
        values = new float[width * height];
        Mat delta = scope.add(Mat.zeros(paddedHeight, paddedWidth, CvType.CV_32FC1));
        delta.put(0, 0, 1f);
        ones = scope.mat();
        Core.dft(delta, ones); // CCS of the all-ones real spectrum: 1 in real slots, 0 in imaginary ones
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
        Core.mulSpectrums(kernelSpectrum, kernelSpectrum, power, 0, true); // |K|^2, imaginary slots 0
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
        Core.add(power, new Scalar(regulariser), denominator);
        Core.divide(ones, denominator, inverse); // 1 / (|K|^2 + C) in real slots, 0 in imaginary ones
        Core.mulSpectrums(spectrum, kernelSpectrum, weighted, 0, true); // S conj(K)
        Core.mulSpectrums(weighted, inverse, filtered, 0, false);
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
