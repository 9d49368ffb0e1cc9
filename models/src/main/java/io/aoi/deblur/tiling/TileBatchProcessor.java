package io.aoi.deblur.tiling;

import io.aoi.deblur.DeblurException;

/** Restores tiles of one size in batches; called by {@link Tiler} on the caller's thread. */
@FunctionalInterface
public interface TileBatchProcessor {

    /**
     * @param tiles  {@code count} row-major tiles of width x height in {@code tiles[0..count)}; the arrays are
     *               the tiler's and are reused for the next batch, so the processor may not keep them
     * @param count  tiles in this batch, at least 1
     * @param out    receives the processed tiles in {@code out[0..count)}, each of width x height; reused too
     */
    void process(float[][] tiles, int count, int width, int height, float[][] out) throws DeblurException;
}
