package io.aoi.deblur.region;

import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DefocusEstimating;
import io.aoi.deblur.Deblurrer;
import io.aoi.image.Image;
import java.util.List;
import java.util.Objects;

/**
 * Restores only what a {@link RegionFinder} finds on the blurred frame: each region with a context margin
 * ({@link RegionPlan}) is cut out, restored by the wrapped deblurrer and written back; the rest of the frame is
 * returned as captured. A frame without regions comes back unchanged. Engine-neutral: it wraps any
 * {@link Deblurrer}; a model with its own region-aware path can take its place behind the same interface.
 *
 * <p>The defocus estimate is the area-weighted mean of the wrapped deblurrer's estimates over the regions
 * ({@code NaN} when it makes none). Owns the wrapped deblurrer and closes it; one frame at a time.
 */
public final class RegionDeblurrer implements Deblurrer, DefocusEstimating {
    private final Deblurrer inner;
    private final RegionFinder finder;
    private final int marginPx;
    private final int callPaddingPx;
    private double lastSigmaPx = Double.NaN;
    private List<PixelRect> lastRegions = List.of();
    private boolean closed;

    /**
     * @param inner         restores each region; closed with this deblurrer
     * @param marginPx      context restored around every found region
     * @param callPaddingPx context the inner deblurrer adds around what it is given (a tiled model's overlap),
     *                      used to decide which regions to restore together
     */
    public RegionDeblurrer(Deblurrer inner, RegionFinder finder, int marginPx, int callPaddingPx) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.finder = Objects.requireNonNull(finder, "finder");
        if (marginPx < 0 || callPaddingPx < 0) {
            throw new IllegalArgumentException("marginPx = " + marginPx + ", callPaddingPx = " + callPaddingPx
                    + "; allowed: 0 or more");
        }
        this.marginPx = marginPx;
        this.callPaddingPx = callPaddingPx;
    }

    /** The wrapped deblurrer's name: the region is a station setting, not another model. */
    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public Image deblur(Image frame, int passes) throws DeblurException {
        if (closed) {
            throw new IllegalStateException(name() + " (bump regions) is closed");
        }
        lastSigmaPx = Double.NaN;
        lastRegions = List.of();
        if (passes == 0) {
            return frame;
        }
        List<PixelRect> regions = RegionPlan.plan(finder.find(frame), marginPx, callPaddingPx, frame.width(),
                frame.height());
        lastRegions = regions;
        if (regions.isEmpty()) {
            return frame;
        }
        short[] out = frame.samples().clone();
        double weightedSigma = 0;
        long estimatedArea = 0;
        for (PixelRect r : regions) {
            Image restored = inner.deblur(ImageRegions.crop(frame, r), passes);
            ImageRegions.paste(out, frame.width(), restored, r);
            double sigma = DefocusEstimating.of(inner);
            if (!Double.isNaN(sigma)) {
                weightedSigma += sigma * r.areaPx();
                estimatedArea += r.areaPx();
            }
        }
        lastSigmaPx = estimatedArea == 0 ? Double.NaN : weightedSigma / estimatedArea;
        return new Image(frame.width(), frame.height(), frame.channels(), frame.bitDepth(), out);
    }

    @Override
    public double lastDefocusSigmaPx() {
        return lastSigmaPx;
    }

    /** The rectangles the last call restored (empty for 0 passes or no regions). */
    public List<PixelRect> lastRegions() {
        return lastRegions;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inner.close();
        }
    }
}
