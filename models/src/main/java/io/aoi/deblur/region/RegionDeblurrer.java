package io.aoi.deblur.region;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.PixelRegion;
import io.aoi.deblur.RegionCrops;
import io.aoi.deblur.RegionRestoration;
import io.aoi.deblur.Restoration;
import io.aoi.image.Image;
import java.util.List;
import java.util.Objects;

/**
 * Restores only what a {@link RegionFinder} finds on the blurred frame: the regions, each grown by a context
 * margin and merged by {@link RegionPlan} (using the wrapped deblurrer's {@link Deblurrer#contextMarginPx()} as
 * its per-call cost; most of a frame becomes the whole frame), are restored by the wrapped deblurrer's
 * {@link Deblurrer#deblurRegions} (a blind model estimates one kernel from all of them) and written back; the
 * rest of the frame is returned as captured. A frame without regions comes back unchanged. Engine-neutral: it
 * wraps any {@link Deblurrer}.
 *
 * <p>The defocus estimate of {@link #restore} is the wrapped deblurrer's over the regions (empty when it makes
 * none, or nothing was restored). Owns the wrapped deblurrer and closes it; one frame at a time, except
 * {@link #abort()}, which any thread may call.
 */
public final class RegionDeblurrer implements Deblurrer {
    private final Deblurrer inner;
    private final RegionFinder finder;
    private final int marginPx;
    private List<PixelRegion> lastRegions = List.of();
    private boolean closed;

    /**
     * @param inner    restores the regions; closed with this deblurrer
     * @param marginPx context restored around every found region, 0 or more
     */
    public RegionDeblurrer(Deblurrer inner, RegionFinder finder, int marginPx) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.finder = Objects.requireNonNull(finder, "finder");
        if (marginPx < 0) {
            throw new IllegalArgumentException("marginPx = " + marginPx + "; allowed: 0 or more");
        }
        this.marginPx = marginPx;
    }

    /** The wrapped deblurrer's name: the region is a station setting, not another model. */
    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Image deblur(Image frame, int passes) throws DeblurException {
        return restore(frame, passes).image();
    }

    @Override
    public Restoration restore(Image frame, int passes) throws DeblurException {
        if (closed) {
            throw new IllegalStateException(name() + " (bump regions) is closed");
        }
        lastRegions = List.of();
        if (passes == 0) {
            return Restoration.of(frame);
        }
        List<PixelRegion> regions = RegionPlan.plan(finder.find(frame), marginPx, inner.contextMarginPx(),
                frame.width(), frame.height());
        lastRegions = regions;
        if (regions.isEmpty()) {
            return Restoration.of(frame);
        }
        RegionRestoration restored = inner.deblurRegions(frame, regions, passes);
        return new Restoration(RegionCrops.paste(frame, restored.regions()), restored.defocusSigmaPx());
    }

    /** The rectangles the last call restored (empty for 0 passes or no regions). */
    public List<PixelRegion> lastRegions() {
        return lastRegions;
    }

    @Override
    public void abort() {
        inner.abort();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inner.close();
        }
    }
}
