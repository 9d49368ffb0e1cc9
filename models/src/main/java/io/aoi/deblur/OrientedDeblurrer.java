package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Runs a model trained on frames of one DIC shear direction on a station whose direction differs: each frame is
 * turned ({@link FrameOrientation#toward}: a multiple of 90 degrees, mirrored or not, so the station's direction
 * comes within 50 degrees of the model's, keeping the frame's sides where that is enough), restored, and turned
 * back. The turns move pixels without resampling and commute with isotropic defocus, so nothing else changes; a
 * station whose direction is already within 50 degrees of the model's is restored as without this class.
 *
 * <p>The station's direction is asked for every frame from {@code stationShearDeg} (a fixed angle, or on a
 * station in auto mode the detector's estimate pooled over its recent frames); NaN (not known)
 * restores the frame as it is. Regions
 * ({@link #deblurRegions}) are turned with their frame and come back in the frame's coordinates. Owns the wrapped
 * deblurrer and closes it; one frame at a time, except {@link #abort()}.
 */
public final class OrientedDeblurrer implements Deblurrer {
    private final Deblurrer inner;
    private final ToDoubleFunction<Image> stationShearDeg;
    private final double modelShearDeg;

    /**
     * @param inner           the model; closed with this deblurrer
     * @param stationShearDeg the station's shear direction for a frame, degrees; NaN when not known
     * @param modelShearDeg   the direction the model was trained on, degrees
     */
    public OrientedDeblurrer(Deblurrer inner, ToDoubleFunction<Image> stationShearDeg, double modelShearDeg) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.stationShearDeg = Objects.requireNonNull(stationShearDeg, "stationShearDeg");
        if (!Double.isFinite(modelShearDeg)) {
            throw new IllegalArgumentException("modelShearDeg = " + modelShearDeg + "; allowed: a finite angle");
        }
        this.modelShearDeg = modelShearDeg;
    }

    /** The turn {@code frame} gets: from the station's direction for it towards the model's. */
    public FrameOrientation orientationFor(Image frame) {
        double station = stationShearDeg.applyAsDouble(frame);
        return Double.isFinite(station) ? FrameOrientation.toward(station, modelShearDeg) : FrameOrientation.IDENTITY;
    }

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
        FrameOrientation turn = orientationFor(frame);
        if (turn == FrameOrientation.IDENTITY) {
            return inner.restore(frame, passes);
        }
        Restoration r = inner.restore(turn.apply(frame), passes);
        return new Restoration(turn.inverse().apply(r.image()), r.defocusSigmaPx());
    }

    @Override
    public int contextMarginPx() {
        return inner.contextMarginPx();
    }

    @Override
    public RegionRestoration deblurRegions(Image frame, List<PixelRegion> regions, int passes)
            throws DeblurException {
        FrameOrientation turn = orientationFor(frame);
        if (turn == FrameOrientation.IDENTITY) {
            return inner.deblurRegions(frame, regions, passes);
        }
        RegionCrops.checkInside(regions, frame); // named in the caller's coordinates, before they are turned
        List<PixelRegion> turned = new ArrayList<>(regions.size());
        for (PixelRegion r : regions) {
            turned.add(turn.apply(r, frame.width(), frame.height()));
        }
        RegionRestoration done = inner.deblurRegions(turn.apply(frame), turned, passes);
        FrameOrientation back = turn.inverse();
        List<RestoredRegion> out = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            out.add(new RestoredRegion(regions.get(i), back.apply(done.regions().get(i).image())));
        }
        return new RegionRestoration(out, done.defocusSigmaPx());
    }

    @Override
    public void abort() {
        inner.abort();
    }

    @Override
    public void close() {
        inner.close();
    }
}
