package io.aoi.config;

/** The deblurring model a station uses. */
public enum DeblurModel {
    /** Frames go to the detector as captured. */
    NONE,
    /** Classical Wiener deconvolution with a Gaussian defocus PSF. */
    WIENER,
    /** UDBD-Net, the blind uniform-defocus deblurrer; iterative. */
    UDBD,
    /** The 3-frame motion deblurrer. */
    MOTION
}
