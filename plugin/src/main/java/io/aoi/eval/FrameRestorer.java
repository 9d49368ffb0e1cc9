package io.aoi.eval;

import io.aoi.deblur.DeblurException;
import io.aoi.image.Image;

/** Turns the rendered frames of one evaluation step into the frame the detector is given. */
@FunctionalInterface
public interface FrameRestorer {
    /**
     * @param sharp          the same panel lines in focus, with the same sensor noise
     * @param blurred        the lines with defocus blur of {@code defocusSigmaPx} and sensor noise
     * @param defocusSigmaPx the true defocus sigma in pixels (0 = in focus)
     */
    Image restore(Image sharp, Image blurred, double defocusSigmaPx) throws DeblurException;
}
