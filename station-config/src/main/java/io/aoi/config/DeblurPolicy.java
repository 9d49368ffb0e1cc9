package io.aoi.config;

/**
 * How the deblur stage spends its time on a line: what it restores, what it does under overload and when it warns
 * that the optics drift out of focus. Part of {@link DeblurSettings}; build from {@link #DEFAULTS} with the
 * withers.
 *
 * @param region                which part of the frame is restored
 * @param regionMarginPx        context around each bump restored with it (region {@code bumps}), 0 to 256 px: the
 *                              blur's reach plus what the model needs around a pixel
 * @param overload              what happens to a frame that finds the deblur stage busy
 * @param fallbackModel         the cheaper deblurrer for {@code overload: fallback}: {@code wiener} (with the
 *                              section's Wiener sigma and noise-to-signal ratio) or {@code none}
 * @param focusDriftWarnSigmaPx the estimated defocus (sigma of the equivalent Gaussian, px) above which the station
 *                              warns of focus drift, 0.1 to 10 px; only deblurrers that estimate the kernel report
 *                              an estimate
 */
public record DeblurPolicy(
        DeblurRegion region,
        int regionMarginPx,
        OverloadPolicy overload,
        DeblurModel fallbackModel,
        double focusDriftWarnSigmaPx) {

    /** Bumps with a 16 px margin, drop under overload, Wiener as fallback, drift warning above 3.5 px. */
    public static final DeblurPolicy DEFAULTS = new DeblurPolicy(DeblurRegion.BUMPS, 16, OverloadPolicy.DROP,
            DeblurModel.WIENER, 3.5);

    public DeblurPolicy {
        Check.present("region", region);
        Check.intRange("regionMarginPx", regionMarginPx, 0, 256);
        Check.present("overload", overload);
        Check.present("fallbackModel", fallbackModel);
        if (!fallbackModel.equals(DeblurModel.WIENER) && !fallbackModel.equals(DeblurModel.NONE)) {
            throw new InvalidSettingException("fallbackModel", fallbackModel.name(),
                    "wiener or none (a fallback runs while the main model is busy, so it must be cheap)");
        }
        Check.range("focusDriftWarnSigmaPx", focusDriftWarnSigmaPx, 0.1, 10);
    }

    public DeblurPolicy withRegion(DeblurRegion v) {
        return new DeblurPolicy(v, regionMarginPx, overload, fallbackModel, focusDriftWarnSigmaPx);
    }

    public DeblurPolicy withRegionMarginPx(int v) {
        return new DeblurPolicy(region, v, overload, fallbackModel, focusDriftWarnSigmaPx);
    }

    public DeblurPolicy withOverload(OverloadPolicy v) {
        return new DeblurPolicy(region, regionMarginPx, v, fallbackModel, focusDriftWarnSigmaPx);
    }

    public DeblurPolicy withFallbackModel(DeblurModel v) {
        return new DeblurPolicy(region, regionMarginPx, overload, v, focusDriftWarnSigmaPx);
    }

    public DeblurPolicy withFocusDriftWarnSigmaPx(double v) {
        return new DeblurPolicy(region, regionMarginPx, overload, fallbackModel, v);
    }
}
