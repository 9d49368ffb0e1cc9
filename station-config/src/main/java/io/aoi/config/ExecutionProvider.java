package io.aoi.config;

/** Where neural models run. */
public enum ExecutionProvider {
    CPU,
    CUDA
}
