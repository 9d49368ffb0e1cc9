package io.aoi.deblur;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The restored rectangles of one frame, in the order they were asked for, and the defocus estimated for it.
 *
 * @param regions        one per requested region, same order
 * @param defocusSigmaPx as in {@link Restoration#defocusSigmaPx()}; empty when the deblurrer estimates none
 */
public record RegionRestoration(List<RestoredRegion> regions, OptionalDouble defocusSigmaPx) {

    public RegionRestoration {
        regions = List.copyOf(regions);
        Objects.requireNonNull(defocusSigmaPx, "defocusSigmaPx");
    }
}
