package io.aoi.eval;

import io.aoi.config.BumpLayout;
import io.aoi.config.Check;
import io.aoi.config.DetectorSettings;
import io.aoi.config.InvalidSettingException;
import java.util.List;
import java.util.Objects;

/**
 * What the evaluation renders and how it detects. Build from {@link #defaults()} with the withers.
 *
 * @param frames            simulated frames per defocus sigma, 1 to 1000
 * @param widthPx           frame width in pixels, 64 to 16384
 * @param heightPx          frame height in lines, 64 to 8192
 * @param seed              simulator seed; the same seed renders the same panel
 * @param defocusSigmasPx   true defocus sigmas to evaluate, each 0 to 8 px
 * @param noiseSigma        sensor read noise as a fraction of full scale, 0 to 0.2
 * @param particlesPerBump  mean particles per bump of the simulated panel
 * @param bitDepth          8 or 16
 * @param detector          detector settings, the same for every arm
 * @param shearAngleDeg     DIC shear direction the frames are rendered with, degrees, -360 to 360
 */
public record EvaluationSettings(
        int frames,
        int widthPx,
        int heightPx,
        long seed,
        List<Double> defocusSigmasPx,
        double noiseSigma,
        double particlesPerBump,
        int bitDepth,
        DetectorSettings detector,
        double shearAngleDeg) {

    public static final List<Double> DEFAULT_SIGMAS_PX = List.of(0.0, 1.0, 2.0, 2.5, 3.0, 4.0);

    /** @throws InvalidSettingException naming the component ({@link InvalidSettingException#field()}) and the range */
    public EvaluationSettings {
        Check.intRange("frames", frames, 1, 1000);
        Check.intRange("widthPx", widthPx, 64, 16384);
        Check.intRange("heightPx", heightPx, 64, 8192);
        defocusSigmasPx = List.copyOf(Objects.requireNonNull(defocusSigmasPx, "defocusSigmasPx"));
        if (defocusSigmasPx.isEmpty()) {
            throw new InvalidSettingException("defocusSigmasPx", "[]", "at least one sigma from 0 to 8");
        }
        for (double s : defocusSigmasPx) {
            if (!(s >= 0 && s <= 8)) {
                throw new InvalidSettingException("defocusSigmasPx", s, "0 to 8");
            }
        }
        Check.range("noiseSigma", noiseSigma, 0, 0.2);
        Check.range("particlesPerBump", particlesPerBump, 0, 500);
        if (bitDepth != 8 && bitDepth != 16) {
            throw new InvalidSettingException("bitDepth", bitDepth, "8 or 16");
        }
        Objects.requireNonNull(detector, "detector");
        Check.range("shearAngleDeg", shearAngleDeg, -360, 360);
    }

    public EvaluationSettings withFrames(int v) {
        return new EvaluationSettings(v, widthPx, heightPx, seed, defocusSigmasPx, noiseSigma, particlesPerBump,
                bitDepth, detector, shearAngleDeg);
    }

    public EvaluationSettings withWidthPx(int v) {
        return new EvaluationSettings(frames, v, heightPx, seed, defocusSigmasPx, noiseSigma, particlesPerBump,
                bitDepth, detector, shearAngleDeg);
    }

    public EvaluationSettings withHeightPx(int v) {
        return new EvaluationSettings(frames, widthPx, v, seed, defocusSigmasPx, noiseSigma, particlesPerBump, bitDepth,
                detector, shearAngleDeg);
    }

    public EvaluationSettings withSeed(long v) {
        return new EvaluationSettings(frames, widthPx, heightPx, v, defocusSigmasPx, noiseSigma, particlesPerBump,
                bitDepth, detector, shearAngleDeg);
    }

    public EvaluationSettings withDefocusSigmasPx(List<Double> v) {
        return new EvaluationSettings(frames, widthPx, heightPx, seed, v, noiseSigma, particlesPerBump, bitDepth,
                detector, shearAngleDeg);
    }

    public EvaluationSettings withNoiseSigma(double v) {
        return new EvaluationSettings(frames, widthPx, heightPx, seed, defocusSigmasPx, v, particlesPerBump, bitDepth,
                detector, shearAngleDeg);
    }

    public EvaluationSettings withParticlesPerBump(double v) {
        return new EvaluationSettings(frames, widthPx, heightPx, seed, defocusSigmasPx, noiseSigma, v, bitDepth,
                detector, shearAngleDeg);
    }

    public EvaluationSettings withBitDepth(int v) {
        return new EvaluationSettings(frames, widthPx, heightPx, seed, defocusSigmasPx, noiseSigma, particlesPerBump, v,
                detector, shearAngleDeg);
    }

    public EvaluationSettings withDetector(DetectorSettings v) {
        return new EvaluationSettings(frames, widthPx, heightPx, seed, defocusSigmasPx, noiseSigma, particlesPerBump,
                bitDepth, v, shearAngleDeg);
    }

    public EvaluationSettings withShearAngleDeg(double v) {
        return new EvaluationSettings(frames, widthPx, heightPx, seed, defocusSigmasPx, noiseSigma, particlesPerBump,
                bitDepth, detector, v);
    }

    /**
     * The demo station's detector, used for the published numbers: diameters 5 to 12 px (3 to 5 um particles at
     * 0.5 um per pixel), minContrast 0.018, illumination 0 degrees, automatic bumps of at least 60 x 32 px, at
     * least 5 particles per bump, the default contrast noise factor
     * ({@link DetectorSettings#DEFAULT_CONTRAST_NOISE_FACTOR}). minContrast is low because restored frames show
     * weak particles (contrast 0.045 to 0.15 in focus) at about a third of their contrast; the noise factor raises
     * it on frames whose noise (a Wiener-restored frame's) or texture would otherwise pass for particles.
     */
    public static DetectorSettings defaultDetector() {
        return DetectorSettings.builder().particleDiameterPx(5, 12).minContrast(0.018).micronsPerPixel(0.5)
                .bumps(new BumpLayout.Automatic(60, 32)).minParticlesPerBump(5).build();
    }

    /**
     * 4 frames of 1024 x 512, seed 1024, sigmas 0, 1, 2, 2.5, 3, 4, noise 0.01, 12 particles per bump, 8 bit, the
     * {@link #defaultDetector() demo station's detector}, shear direction 0 (lit from +x). The defaults live only
     * here; change them with the withers.
     */
    public static EvaluationSettings defaults() {
        return new EvaluationSettings(4, 1024, 512, 1024, DEFAULT_SIGMAS_PX, 0.01, 12, 8, defaultDetector(), 0);
    }
}
