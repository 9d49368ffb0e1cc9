package io.aoi.config;

import java.util.OptionalDouble;

/**
 * The simulated line-scan camera: renders an endless ACF bonding area with known ground truth. Build from
 * {@link #DEFAULTS} with the withers; the defaults live only there.
 *
 * @param widthPx            line width in pixels
 * @param bitDepth           8 or 16 bits per sample
 * @param lineRateHz         lines per second the simulator paces itself to; 0 renders as fast as possible
 * @param defocusSigmaPx     Gaussian defocus sigma in pixels (0 = in focus)
 * @param motionBlurPx       length of horizontal/vertical motion blur in pixels (0 = none)
 * @param noiseSigma         additive sensor noise, standard deviation as a fraction of full scale
 * @param particlesPerBump   mean number of particles rendered per bump
 * @param micronsPerPixel    optics scale on the panel; sets the rendered particle size (crushed ACF particles
 *                           of 3 to 5 um diameter, i.e. 6 to 10 px at the default 0.5 um per pixel). From
 *                           {@value #MIN_MICRONS_PER_PIXEL} (particles of up to 9 px radius, the most the
 *                           simulator renders) to {@value #MAX_MICRONS_PER_PIXEL} (1.5 to 2.5 px diameter)
 * @param seed               random seed; the same seed renders the same panel
 * @param ngBandFraction     the line's yield: the fraction of panel bands (256 lines each) that hold one NG bump
 *                           (fewer than 5 particles), 0 to 1; every other bump is populated normally. Empty (the
 *                           default) keeps the simulator's bump mix, in which about 10 % of all bumps are sparse,
 *                           so nearly every frame is NG
 */
public record SimulatedCameraSettings(
        int widthPx,
        int bitDepth,
        double lineRateHz,
        double defocusSigmaPx,
        double motionBlurPx,
        double noiseSigma,
        double particlesPerBump,
        double micronsPerPixel,
        long seed,
        OptionalDouble ngBandFraction) implements CameraSettings {

    /** A typical ACF inspection optics scale, and the YAML default. */
    public static final double DEFAULT_MICRONS_PER_PIXEL = 0.5;
    public static final double MIN_MICRONS_PER_PIXEL = 0.3;
    public static final double MAX_MICRONS_PER_PIXEL = 2.0;

    /**
     * The demo station's camera: 1024 px, 8 bit, 20 kHz, defocus sigma 2.5 px, no motion blur, noise 0.01,
     * 12 particles per bump, {@value #DEFAULT_MICRONS_PER_PIXEL} um per pixel, seed 42 and the simulator's own bump
     * mix (no {@code ngBandFraction}). The station file's defaults are these.
     */
    public static final SimulatedCameraSettings DEFAULTS = new SimulatedCameraSettings(1024, 8, 20_000, 2.5, 0,
            0.01, 12, DEFAULT_MICRONS_PER_PIXEL, 42, OptionalDouble.empty());

    public SimulatedCameraSettings {
        Check.intRange("widthPx", widthPx, 64, 16384);
        if (bitDepth != 8 && bitDepth != 16) {
            throw new InvalidSettingException("bitDepth", bitDepth, "8 or 16");
        }
        Check.range("lineRateHz", lineRateHz, 0, 1_000_000);
        Check.range("defocusSigmaPx", defocusSigmaPx, 0, 8);
        Check.range("motionBlurPx", motionBlurPx, 0, 64);
        Check.range("noiseSigma", noiseSigma, 0, 0.2);
        Check.range("particlesPerBump", particlesPerBump, 0, 500);
        Check.range("micronsPerPixel", micronsPerPixel, MIN_MICRONS_PER_PIXEL, MAX_MICRONS_PER_PIXEL);
        Check.present("ngBandFraction", ngBandFraction);
        if (ngBandFraction.isPresent()) {
            Check.range("ngBandFraction", ngBandFraction.getAsDouble(), 0, 1);
        }
    }

    public SimulatedCameraSettings withWidthPx(int v) {
        return new SimulatedCameraSettings(v, bitDepth, lineRateHz, defocusSigmaPx, motionBlurPx, noiseSigma,
                particlesPerBump, micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withBitDepth(int v) {
        return new SimulatedCameraSettings(widthPx, v, lineRateHz, defocusSigmaPx, motionBlurPx, noiseSigma,
                particlesPerBump, micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withLineRateHz(double v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, v, defocusSigmaPx, motionBlurPx, noiseSigma,
                particlesPerBump, micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withDefocusSigmaPx(double v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, v, motionBlurPx, noiseSigma, particlesPerBump,
                micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withMotionBlurPx(double v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, defocusSigmaPx, v, noiseSigma,
                particlesPerBump, micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withNoiseSigma(double v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, defocusSigmaPx, motionBlurPx, v,
                particlesPerBump, micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withParticlesPerBump(double v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, defocusSigmaPx, motionBlurPx, noiseSigma, v,
                micronsPerPixel, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withMicronsPerPixel(double v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, defocusSigmaPx, motionBlurPx, noiseSigma,
                particlesPerBump, v, seed, ngBandFraction);
    }

    public SimulatedCameraSettings withSeed(long v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, defocusSigmaPx, motionBlurPx, noiseSigma,
                particlesPerBump, micronsPerPixel, v, ngBandFraction);
    }

    /** A copy with a yield setting; see {@code ngBandFraction}. */
    public SimulatedCameraSettings withNgBandFraction(double v) {
        return withNgBandFraction(OptionalDouble.of(v));
    }

    /** A copy with a yield setting, or with the simulator's own bump mix when empty. */
    public SimulatedCameraSettings withNgBandFraction(OptionalDouble v) {
        return new SimulatedCameraSettings(widthPx, bitDepth, lineRateHz, defocusSigmaPx, motionBlurPx, noiseSigma,
                particlesPerBump, micronsPerPixel, seed, v);
    }
}
