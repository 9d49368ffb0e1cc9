package io.aoi.deblur;

import io.aoi.config.DeblurSettings;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A deblurrer that restores one float plane at a time: it checks the call, scales each channel to [0, 1],
 * restores it, checks the result ({@link DeblurOutputCheck}: a model that outputs NaN or leaves the range fails
 * with {@link DeblurOutputException} instead of returning a black frame) and scales back to the frame's bit depth.
 * Colour frames are restored channel by channel; the defocus estimate of a colour frame is the mean over its
 * channels.
 *
 * <p>Subclasses implement {@link #restorePlane}, may override {@link #restoreWindows} (regions of one plane,
 * for models that share work between them) and, when they hold native resources, {@link #release()};
 * {@link #close()} calls it once.
 */
public abstract class PlaneDeblurrer implements Deblurrer {
    private volatile boolean closed;

    @Override
    public final Image deblur(Image frame, int passes) throws DeblurException {
        return restore(frame, passes).image();
    }

    @Override
    public final Restoration restore(Image frame, int passes) throws DeblurException {
        check(passes);
        if (passes == 0) {
            return Restoration.of(frame);
        }
        int w = frame.width();
        int h = frame.height();
        float[][] planes = new float[frame.channels()][];
        List<OptionalDouble> sigmas = new ArrayList<>();
        for (int c = 0; c < planes.length; c++) {
            RestoredPlane p = restorePlane(frame.channelAsFloat(c), w, h, passes);
            DeblurOutputCheck.check(name(), p.samples());
            planes[c] = p.samples();
            sigmas.add(p.defocusSigmaPx());
        }
        return new Restoration(Image.fromFloatChannels(w, h, frame.bitDepth(), planes), mean(sigmas));
    }

    @Override
    public final RegionRestoration deblurRegions(Image frame, List<PixelRegion> regions, int passes)
            throws DeblurException {
        check(passes);
        RegionCrops.checkInside(regions, frame);
        if (passes == 0 || regions.isEmpty()) {
            List<RestoredRegion> same = new ArrayList<>();
            for (PixelRegion r : regions) {
                same.add(new RestoredRegion(r, RegionCrops.crop(frame, r)));
            }
            return new RegionRestoration(same, OptionalDouble.empty());
        }
        List<PixelRegion> windows = RegionCrops.windows(regions, contextMarginPx(), frame);
        int channels = frame.channels();
        float[][][] restored = new float[regions.size()][channels][];
        List<OptionalDouble> sigmas = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            float[] plane = frame.channelAsFloat(c);
            WindowsRestored done = restoreWindows(plane, frame.width(), frame.height(), windows, passes);
            if (done.windows().size() != windows.size()) {
                throw new IllegalStateException(done.windows().size() + " windows restored for " + windows.size());
            }
            for (int i = 0; i < windows.size(); i++) {
                DeblurOutputCheck.check(name(), done.windows().get(i));
                restored[i][c] = windows.get(i).cutInner(done.windows().get(i), regions.get(i));
            }
            sigmas.add(done.defocusSigmaPx());
        }
        List<RestoredRegion> out = new ArrayList<>(regions.size());
        for (int i = 0; i < regions.size(); i++) {
            PixelRegion r = regions.get(i);
            out.add(new RestoredRegion(r, Image.fromFloatChannels(r.width(), r.height(), frame.bitDepth(),
                    restored[i])));
        }
        return new RegionRestoration(out, mean(sigmas));
    }

    /**
     * @param plane  one channel, row-major, samples in [0, 1]; may be modified
     * @param passes 1 to 3
     * @return the restored plane, same size (values outside [0, 1] are clipped by the caller), and the defocus
     *         estimate of the input when the model makes one
     */
    protected abstract RestoredPlane restorePlane(float[] plane, int width, int height, int passes)
            throws DeblurException;

    /**
     * Windows of one plane restored for {@link #deblurRegions}: the restored samples of each window (its own
     * size, row-major) and one defocus estimate for the plane.
     *
     * @param windows        restored window planes, in the order of the windows asked for
     * @param defocusSigmaPx empty when the model estimates none
     */
    protected record WindowsRestored(List<float[]> windows, OptionalDouble defocusSigmaPx) {
        public WindowsRestored {
            windows = List.copyOf(windows);
        }
    }

    /**
     * Restores rectangles of one plane (each already grown by {@link #contextMarginPx()} and inside the plane).
     * The default restores each window on its own with {@link #restorePlane}; the estimate is the mean of theirs.
     */
    protected WindowsRestored restoreWindows(float[] plane, int width, int height, List<PixelRegion> windows,
                                             int passes) throws DeblurException {
        List<float[]> out = new ArrayList<>(windows.size());
        List<OptionalDouble> sigmas = new ArrayList<>();
        for (PixelRegion w : windows) {
            RestoredPlane p = restorePlane(w.cut(plane, width), w.width(), w.height(), passes);
            out.add(p.samples());
            sigmas.add(p.defocusSigmaPx());
        }
        return new WindowsRestored(out, mean(sigmas));
    }

    /** The mean of the present estimates; empty when none is present. */
    protected static OptionalDouble mean(List<OptionalDouble> values) {
        return values.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                .average();
    }

    private void check(int passes) {
        if (closed) {
            throw new IllegalStateException(name() + " is closed");
        }
        if (passes < 0 || passes > DeblurSettings.MAX_ITERATIONS) {
            throw new IllegalArgumentException("passes = " + passes + "; allowed: 0 to "
                    + DeblurSettings.MAX_ITERATIONS);
        }
    }

    /** Frees what the deblurrer holds; called once, by the first {@link #close()}. */
    protected void release() {
    }

    @Override
    public final void close() {
        if (!closed) {
            closed = true;
            release();
        }
    }
}
