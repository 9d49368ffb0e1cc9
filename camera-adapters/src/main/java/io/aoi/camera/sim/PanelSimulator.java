package io.aoi.camera.sim;

import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;

/**
 * An endless, seeded ACF bonding area seen by a line-scan camera, with its ground truth.
 *
 * <p>Any range of lines can be rendered on its own and always gives the same pixels: content comes from
 * per-band generators and per-pixel hashes, and blur is computed from extra lines above and below the range,
 * so {@code render(0, 512)} equals {@code render(0, 256)} stacked on {@code render(256, 512)}. Cost is
 * proportional to the rows rendered. Line positions start at 0; columns run 0 .. widthPx - 1.
 *
 * <p>Ground-truth coordinates put integer values at pixel centres (see {@link TrueParticle}). A particle
 * belongs to a range of lines when its centre row, {@code Math.round(y)}, is inside it.
 *
 * <p>Thread-safe: instances hold only immutable settings and a synchronized cache.
 */
public final class PanelSimulator {
    private static final int MAX_ROWS = 1 << 20;

    private final SimulatedCameraSettings settings;
    private final PanelLayout layout;
    private final SharpRenderer renderer;
    private final double shearAngleDeg;

    /** A panel whose particle reliefs are lit from +x (DIC shear direction 0 degrees). */
    public PanelSimulator(SimulatedCameraSettings settings) {
        this(settings, 0);
    }

    /**
     * A panel seen through optics with another DIC shear direction: the same bumps and particles, each relief
     * bright on the half towards {@code shearAngleDeg}.
     *
     * @param shearAngleDeg direction from a relief's dark half to its bright half, degrees counter-clockwise from
     *                      +x (rows grow downwards), -360 to 360
     */
    public PanelSimulator(SimulatedCameraSettings settings, double shearAngleDeg) {
        if (!(shearAngleDeg >= -360 && shearAngleDeg <= 360)) {
            throw new IllegalArgumentException("shearAngleDeg = " + shearAngleDeg + "; allowed: -360 to 360");
        }
        this.settings = settings;
        this.shearAngleDeg = shearAngleDeg;
        this.layout = new PanelLayout(settings.seed(), settings.widthPx(), settings.particlesPerBump(),
                settings.micronsPerPixel(), settings.ngBandFraction());
        this.renderer = new SharpRenderer(settings.seed(), settings.widthPx(), layout, shearAngleDeg);
    }

    /** The DIC shear direction the reliefs are rendered with, degrees. */
    public double shearAngleDeg() {
        return shearAngleDeg;
    }

    public SimulatedCameraSettings settings() {
        return settings;
    }

    /** Lines [firstLine, firstLine + rows) with the settings' blur and noise, and their ground truth. */
    public SimulatedFrame frame(long firstLine, int rows) {
        return frame(firstLine, rows, settings.defocusSigmaPx(), settings.motionBlurPx(), settings.noiseSigma());
    }

    /**
     * The same panel content with other blur and noise, for example a sharp, noise-free reference
     * ({@code 0, 0, 0}) for the blurred frame of the same lines.
     *
     * @param defocusSigmaPx Gaussian defocus sigma in pixels, >= 0
     * @param motionBlurPx   length of the motion blur along y in lines, >= 0
     * @param noiseSigma     read-noise sigma as a fraction of full scale, >= 0
     */
    public SimulatedFrame frame(long firstLine, int rows, double defocusSigmaPx, double motionBlurPx,
            double noiseSigma) {
        Image image = render(firstLine, rows, defocusSigmaPx, motionBlurPx, noiseSigma);
        List<TrueParticle> particles = new ArrayList<>();
        for (TrueParticle p : particlesIn(firstLine, rows)) {
            particles.add(p.shiftedUp(firstLine));
        }
        List<TrueBump> bumps = new ArrayList<>();
        for (TrueBump b : bumpsIn(firstLine, rows)) {
            bumps.add(b.shiftedUp(firstLine));
        }
        return new SimulatedFrame(image, firstLine, particles, bumps);
    }

    /** Lines [firstLine, firstLine + rows) with the settings' blur and noise. */
    public Image render(long firstLine, int rows) {
        return render(firstLine, rows, settings.defocusSigmaPx(), settings.motionBlurPx(), settings.noiseSigma());
    }

    private Image render(long firstLine, int rows, double defocusSigmaPx, double motionBlurPx, double noiseSigma) {
        checkRange(firstLine, rows);
        Optics optics = new Optics(defocusSigmaPx, motionBlurPx);
        int margin = optics.marginLines();
        float[] sharp = renderer.render(firstLine - margin, rows + 2 * margin);
        float[] seen = optics.isIdentity() ? sharp : optics.apply(sharp, settings.widthPx(), rows);
        return Sensor.expose(seen, settings.widthPx(), firstLine, settings.bitDepth(), noiseSigma, settings.seed());
    }

    /** Particles whose centre row lies in [firstLine, firstLine + rows), in absolute coordinates. */
    public List<TrueParticle> particlesIn(long firstLine, int rows) {
        checkRange(firstLine, rows);
        List<TrueParticle> out = new ArrayList<>();
        for (PanelBand band : layout.bands(firstLine - 1, firstLine + rows + 1)) {
            for (TrueParticle p : band.particles()) {
                long row = Math.round(p.y());
                if (row >= firstLine && row < firstLine + rows) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** Bumps lying wholly in lines [firstLine, firstLine + rows), in absolute coordinates. */
    public List<TrueBump> bumpsIn(long firstLine, int rows) {
        checkRange(firstLine, rows);
        List<TrueBump> out = new ArrayList<>();
        for (PanelBand band : layout.bands(firstLine, firstLine + rows)) {
            for (TrueBump b : band.bumps()) {
                if (b.y() >= firstLine && b.y() + b.height() <= firstLine + rows) {
                    out.add(b);
                }
            }
        }
        return out;
    }

    private void checkRange(long firstLine, int rows) {
        if (firstLine < 0) {
            throw new IllegalArgumentException("firstLine = " + firstLine + "; allowed: 0 or more");
        }
        if (rows <= 0 || rows > MAX_ROWS || (long) rows * settings.widthPx() > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("rows = " + rows + " at width " + settings.widthPx()
                    + "; allowed: 1 to " + Math.min(MAX_ROWS, Integer.MAX_VALUE / 2 / settings.widthPx()));
        }
    }
}
