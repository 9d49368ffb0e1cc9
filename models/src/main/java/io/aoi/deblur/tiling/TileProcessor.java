package io.aoi.deblur.tiling;

import io.aoi.deblur.DeblurException;

/** Restores one tile; called by {@link Tiler} once per tile, in order, on the caller's thread. */
@FunctionalInterface
public interface TileProcessor {

    /**
     * @param tile   row-major samples, width x height; the processor may not keep it
     * @param width  tile width in pixels
     * @param height tile height in pixels
     * @return the processed tile, same size, row-major
     */
    float[] process(float[] tile, int width, int height) throws DeblurException;
}
