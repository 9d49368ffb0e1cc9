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
 * <p>Built on a station's {@link ParticleDetector}, automatic bumps are found through it: it remembers them for the
 * frame (by instance), and its direction estimate for the same frame, which an auto-direction station asks for next,
 * reads the same bumps instead of finding them again. Thread-safe.
 */
public final class BumpLocator implements RegionFinder {
    private final ParticleDetector detector;

    /** Bumps of {@code settings}' layout, through a detector of this locator's own. */
    public BumpLocator(DetectorSettings settings) {
        this(new ParticleDetector(settings));
    }

    /** The bumps {@code detector} searches, found once per captured frame for it and for this locator. */
    public BumpLocator(ParticleDetector detector) {
        this.detector = detector;
    }

    /**
     * @throws IllegalArgumentException for frames the detector does not take (colour, other depths)
     */
    @Override
    public List<PixelRegion> find(Image blurredFrame) {
        int w = blurredFrame.width();
        int h = blurredFrame.height();
        List<PixelRegion> out = new ArrayList<>();
        BumpLayout layout = detector.settings().bumps();
        if (layout instanceof BumpLayout.Automatic) {
            for (BumpRegion b : detector.capturedBumps(blurredFrame, null).all()) {
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
