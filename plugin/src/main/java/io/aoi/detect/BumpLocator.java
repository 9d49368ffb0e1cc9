package io.aoi.detect;

import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.deblur.PixelRegion;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * The detector's bumps as regions to deblur, found on the blurred frame: automatic bumps with the detector's own
 * {@link BumpFinder} (bumps are large, bright structures that survive defocus), including those cut by the top or
 * bottom edge, whose particles are in the frame too (the same whole and partial bumps the detector searches for
 * particles); fixed bumps as far as they lie in the frame.
 *
 * <p>Stateless and thread-safe.
 */
public final class BumpLocator implements RegionFinder {
    private final BumpLayout layout;

    public BumpLocator(DetectorSettings settings) {
        this.layout = settings.bumps();
    }

    /**
     * @throws IllegalArgumentException for frames the detector does not take (colour, other depths)
     */
    @Override
    public List<PixelRegion> find(Image blurredFrame) {
        int w = blurredFrame.width();
        int h = blurredFrame.height();
        List<PixelRegion> out = new ArrayList<>();
        if (layout instanceof BumpLayout.Automatic automatic) {
            float[] plane = MonoPlane.of(blurredFrame);
            for (BumpRegion b : new BumpFinder(automatic.minWidthPx(), automatic.minHeightPx()).find(plane, w, h)
                    .all()) {
                out.add(new PixelRegion(b.x(), b.y(), b.width(), b.height()));
            }
            return out;
        }
        for (BumpLayout.Bump b : ((BumpLayout.Fixed) layout).bumps()) {
            if (b.x() < w && b.y() < h) {
                out.add(new PixelRegion(b.x(), b.y(), Math.min(b.width(), w - b.x()), Math.min(b.height(), h - b.y())));
            }
        }
        return out;
    }
}
