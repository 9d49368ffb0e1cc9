package io.aoi.config;

/** The deblurring model a station uses. */
public enum DeblurModel {
    /** Frames go to the detector as captured. */
    NONE,
    /** Classical Wiener deconvolution with a Gaussian defocus PSF. */
    WIENER,
    /** UDBD-Net, the blind uniform-defocus deblurrer, trained on photographs and panels; iterative. */
    UDBD,
    /**
     * UDBD-Net fine-tuned for ACF bonding inspection: simulated panels at sensor noise 0.006 to 0.014, lit from
     * +x (illumination angle 0), fine detail weighted in the loss; iterative. YAML: {@code udbd_acf}.
     */
    UDBD_ACF,
    /** The 3-frame motion deblurrer. */
    MOTION;

    /** Whether this is a UDBD-Net (a single-frame model whose pass count is tuned). */
    public boolean isUdbd() {
        return this == UDBD || this == UDBD_ACF;
    }
}
