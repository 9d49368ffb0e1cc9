package io.aoi.config;

/** What a station does with a frame that arrives while its deblur stage is still busy. YAML: {@code drop}, {@code fallback}. */
public enum OverloadPolicy {
    /** The frame is recorded as dropped with the reason. */
    DROP,
    /** The frame is restored with the cheaper fallback deblurrer and inspected; its result names the fallback. */
    FALLBACK
}
