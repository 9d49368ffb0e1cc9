package io.aoi.deblur.wiener;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PlaneDeblurrer;
import io.aoi.deblur.RestoredPlane;
import java.util.Locale;

/**
 * The classical baseline: Wiener deconvolution with a Gaussian defocus PSF of {@code wienerSigmaPx} and the
 * noise-to-signal ratio {@code wienerNoiseToSignal}. Not iterative: any {@code passes >= 1} applies it once.
 *
 * <p>Accepts 8- and 16-bit images, mono or colour (each channel restored on its own); the output has the input's
 * size, channels and depth. Holds no native memory between frames (each frame's Mats are freed before
 * {@link #deblur} returns), so {@link #close()} only marks it closed. One frame at a time, as
 * {@link Deblurrer} requires.
 */
public final class WienerDeblurrer extends PlaneDeblurrer {
    private final double sigmaPx;
    private final double noiseToSignal;
    private final float[] kernel;
    private final int kernelSide;

    public WienerDeblurrer(DeblurSettings settings) {
        this(settings.wienerSigmaPx(), settings.wienerNoiseToSignal());
    }

    /**
     * @param sigmaPx       Gaussian PSF sigma in pixels, &gt; 0
     * @param noiseToSignal noise-to-signal power ratio, &gt; 0
     */
    public WienerDeblurrer(double sigmaPx, double noiseToSignal) {
        if (!(noiseToSignal > 0) || Double.isInfinite(noiseToSignal)) {
            throw new IllegalArgumentException("noiseToSignal = " + noiseToSignal
                    + "; allowed: a finite number > 0");
        }
        this.sigmaPx = sigmaPx;
        this.noiseToSignal = noiseToSignal;
        this.kernel = WienerFilter.gaussianKernel(sigmaPx);
        this.kernelSide = WienerFilter.gaussianKernelSide(sigmaPx);
    }

    @Override
    public String name() {
        return String.format(Locale.ROOT, "wiener s%.2f", sigmaPx);
    }

    public double sigmaPx() {
        return sigmaPx;
    }

    public double noiseToSignal() {
        return noiseToSignal;
    }

    /** Not iterative: any number of passes applies the filter once. */
    @Override
    protected RestoredPlane restorePlane(float[] plane, int width, int height, int passes) {
        return RestoredPlane.of(WienerFilter.wiener(plane, width, height, kernel, kernelSide, kernelSide,
                noiseToSignal));
    }

    /** The reflected padding the filter reads beyond a region: twice the PSF side. */
    @Override
    public int contextMarginPx() {
        return 2 * kernelSide;
    }
}
