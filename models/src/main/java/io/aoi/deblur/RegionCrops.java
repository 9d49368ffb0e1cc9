package io.aoi.deblur;

import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/** Cutting regions (with their context margin) out of frames and back, for {@link Deblurrer#deblurRegions}. */
public final class RegionCrops {
    private RegionCrops() {
    }

    /** Throws naming the first region that does not lie inside the frame. */
    public static void checkInside(List<PixelRegion> regions, Image frame) {
        for (int i = 0; i < regions.size(); i++) {
            PixelRegion r = regions.get(i);
            if (!r.fitsIn(frame.width(), frame.height())) {
                throw new IllegalArgumentException("region " + i + " (" + r + ") is not inside the "
                        + frame.width() + "x" + frame.height() + " frame");
            }
        }
    }

    /** The regions grown by {@code marginPx} and clipped to the frame, same order. */
    public static List<PixelRegion> windows(List<PixelRegion> regions, int marginPx, Image frame) {
        List<PixelRegion> out = new ArrayList<>(regions.size());
        for (PixelRegion r : regions) {
            out.add(r.grown(marginPx, frame.width(), frame.height()));
        }
        return out;
    }

    /** The region of the frame as an image of its own (all channels, the frame's depth). */
    public static Image crop(Image frame, PixelRegion r) {
        int c = frame.channels();
        short[] src = frame.samples();
        short[] out = new short[r.width() * r.height() * c];
        for (int y = 0; y < r.height(); y++) {
            System.arraycopy(src, ((r.y() + y) * frame.width() + r.x()) * c, out, y * r.width() * c,
                    r.width() * c);
        }
        return new Image(r.width(), r.height(), c, frame.bitDepth(), out);
    }

    /**
     * The frame with the restored regions written into it (a new image; where regions overlap, the later one
     * wins). Regions must lie inside the frame and have its channels and bit depth.
     */
    public static Image paste(Image frame, List<RestoredRegion> regions) {
        int c = frame.channels();
        short[] out = frame.samples().clone();
        for (RestoredRegion rr : regions) {
            PixelRegion r = rr.region();
            Image img = rr.image();
            if (!r.fitsIn(frame.width(), frame.height()) || img.channels() != c
                    || img.bitDepth() != frame.bitDepth()) {
                throw new IllegalArgumentException("region " + r + " (" + img + ") does not fit the frame " + frame);
            }
            short[] src = img.samples();
            for (int y = 0; y < r.height(); y++) {
                System.arraycopy(src, y * r.width() * c, out, ((r.y() + y) * frame.width() + r.x()) * c,
                        r.width() * c);
            }
        }
        return new Image(frame.width(), frame.height(), c, frame.bitDepth(), out);
    }

    /** The default of {@link Deblurrer#deblurRegions}: each grown region deblurred on its own. */
    static RegionRestoration deblurEach(Deblurrer d, Image frame, List<PixelRegion> regions, int passes)
            throws DeblurException {
        checkInside(regions, frame);
        List<PixelRegion> windows = windows(regions, d.contextMarginPx(), frame);
        List<RestoredRegion> out = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            PixelRegion w = windows.get(i);
            PixelRegion r = regions.get(i);
            Image restored = d.deblur(crop(frame, w), passes);
            out.add(new RestoredRegion(r, crop(restored, new PixelRegion(r.x() - w.x(), r.y() - w.y(), r.width(),
                    r.height()))));
        }
        return new RegionRestoration(out, OptionalDouble.empty());
    }
}
