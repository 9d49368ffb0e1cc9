package io.aoi.config;

/** Which part of a frame the deblurrer restores. YAML: {@code bumps}, {@code frame}. */
public enum DeblurRegion {
    /**
     * Only the bumps, found on the blurred frame, each with a context margin; the rest of the frame stays as
     * captured. Particles count only inside bumps, so detection needs no more; the default for ACF stations.
     */
    BUMPS,
    /** The whole frame, for arbitrary images. */
    FRAME
}
