package io.aoi.plugin.pipeline;

import io.aoi.config.DeblurSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;

/** Opens the deblurrer a station's settings ask for. The caller owns, and closes, what it returns. */
@FunctionalInterface
public interface DeblurrerFactory {
    Deblurrer open(DeblurSettings settings) throws DeblurException;
}
