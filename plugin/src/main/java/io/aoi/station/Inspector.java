package io.aoi.station;

import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigException;
import io.aoi.config.StationConfigLoader;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.DeblurOutputException;
import io.aoi.deblur.Deblurrer;
import io.aoi.detect.BumpLocator;
import io.aoi.detect.Detection;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.runtime.StationException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One-off inspection of images with a station's settings, without journal, source or server: deblur as the station
 * does (its {@code deblur} section: model, passes, {@code region: bumps} restores only the bumps), then detect and
 * judge (its {@code detector} section). The {@code inspect} command is a client of it.
 *
 * <p>Threads: {@link #inspect} serialises callers (the deblur model takes one frame at a time). Ownership: the
 * inspector owns its deblur model (a native ONNX Runtime session for the ONNX models), loaded at {@link #open} with
 * OpenCV for the detector; {@link #close} frees it, is idempotent, and after it {@link #inspect} is refused. The image passed
 * in stays the caller's; it is only read.
 */
public final class Inspector implements AutoCloseable {
    private final Deblurrer deblurrer;
    private final ParticleDetector detector;
    private final int passes;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Inspector(Deblurrer deblurrer, ParticleDetector detector, int passes) {
        this.deblurrer = deblurrer;
        this.detector = detector;
        this.passes = passes;
    }

    /** @throws StationException naming the file, line, field and value when the station file is wrong */
    public static Inspector open(Path stationFile) throws StationException {
        try {
            return open(StationConfigLoader.load(stationFile, Deblurrers.names()));
        } catch (StationConfigException e) {
            throw new StationException(e.getMessage(), e);
        }
    }

    /** @throws StationException when the deblur model cannot be opened, naming it and why */
    public static Inspector open(StationConfig station) throws StationException {
        Objects.requireNonNull(station, "station");
        ParticleDetector detector = new ParticleDetector(station.detector());
        try {
            Deblurrer deblurrer = Deblurrers.open(station.deblur(), Optional.of(new BumpLocator(detector)),
                    detector::shearDirectionFor);
            return new Inspector(deblurrer, detector, station.deblur().iterations());
        } catch (DeblurException e) {
            throw new StationException(e.getMessage(), e);
        }
    }

    /** The deblurrer's name ({@code udbd_acf}, {@code wiener}, {@code none}...). */
    public String deblurModel() {
        return deblurrer.name();
    }

    /** Deblur passes per image, from the station's {@code deblur.iterations}. */
    public int passes() {
        return passes;
    }

    /**
     * Deblurs and inspects one image. A deblurrer output that cannot be judged (not finite, out of range) is not an
     * error: it gives NO_DECISION with the reason.
     *
     * @throws StationException when the deblurrer fails, with its message
     * @throws IllegalArgumentException when the image is of a kind the detector does not take
     * @throws IllegalStateException after {@link #close}
     */
    public synchronized InspectionReport inspect(Image image) throws StationException {
        Objects.requireNonNull(image, "image");
        if (closed.get()) {
            throw new IllegalStateException("the inspector is closed");
        }
        long t0 = System.nanoTime();
        Image restored;
        try {
            restored = deblurrer.deblur(image, passes);
        } catch (DeblurOutputException unusable) {
            return new InspectionReport(Detection.undecided(List.of(), List.of(), 0,
                    "deblur output unusable: " + unusable.getMessage()), Optional.empty(), deblurrer.name(), passes,
                    millisSince(t0), 0);
        } catch (DeblurException e) {
            throw new StationException(e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        Detection d = detector.detect(restored, image);
        return new InspectionReport(d, Optional.of(restored), deblurrer.name(), passes, (t1 - t0) / 1e6,
                millisSince(t1));
    }

    private static double millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1e6;
    }

    /** Frees the deblur model. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            deblurrer.close();
        }
    }
}
