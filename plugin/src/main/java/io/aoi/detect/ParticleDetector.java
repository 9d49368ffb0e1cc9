package io.aoi.detect;

import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.cv.OpenCv;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Counts conductive particles per bump in one frame and decides OK/NG.
 *
 * <p>Particles are found by matched filtering for the DIC relief (see {@link ParticleFinder}); contrast is
 * measured on frames normalised to full scale, so 8- and 16-bit frames of a scene behave the same.
 * {@code minContrast} is compared with the fitted relief amplitude: the peak brightening of the bright half
 * (equally, the darkening of the dark half) as a fraction of full scale.
 *
 * <p>Bumps come from the layout: fixed rectangles are judged when they lie wholly inside the frame;
 * automatic bumps are found per frame as bright rectangles, and those touching the top or bottom frame edge
 * are partial and not judged in this frame (with the station's overlap, larger than the bump height, each
 * bump is whole in some frame). A particle counts for a bump when its centre lies inside it.
 *
 * <p>Never fails open: a frame gets no decision (NO_DECISION, with the reason) instead of OK or NG when it is too
 * small, blank, saturated or of too low contrast ({@link FrameQuality}), when no bump or fewer bumps than expected
 * are judged (at least one; {@code detector.expectedBumpsPerFrame}; with a fixed layout every rectangle of it: one
 * outside the frame is unseen), when the judged bumps cover less than {@code detector.minJudgedBumpAreaPx}, or when
 * a bump holds an implausible number of particles (see {@link BumpJudge}).
 *
 * <p>Thread-safe and stateless per frame: the instance holds only immutable settings and templates, so one
 * detector may serve several threads. Every native buffer is freed before {@link #detect} returns.
 */
public final class ParticleDetector {
    private final DetectorSettings settings;
    private final ParticleFinder finder;
    private final BumpJudge judge;

    /**
     * Loads OpenCV now, on the constructing thread, so that a missing native library stops the start instead of
     * failing a frame (or the detect thread while the station stops).
     */
    public ParticleDetector(DetectorSettings settings) {
        this.settings = settings;
        this.finder = new ParticleFinder(settings.minDiameterPx(), settings.maxDiameterPx(),
                settings.minContrast(), settings.illuminationAngleDeg());
        this.judge = new BumpJudge(settings.minParticlesPerBump(), settings.micronsPerPixel(),
                settings.decisionLimits().maxParticlesPerBump(), settings.minDiameterPx(),
                settings.decisionLimits().minJudgedBumpAreaPx());
        OpenCv.load();
    }

    public DetectorSettings settings() {
        return settings;
    }

    /**
     * @param frame an 8- or 16-bit mono frame; not modified
     * @throws IllegalArgumentException for colour frames or other formats, naming what was given
     */
    public Detection detect(Image frame) {
        float[] plane = MonoPlane.of(frame);
        int w = frame.width();
        int h = frame.height();
        Optional<String> tooSmall = FrameQuality.tooSmall(w, h, settings.maxDiameterPx());
        if (tooSmall.isPresent()) {
            return Detection.undecided(List.of(), List.of(), 0, tooSmall.get());
        }
        List<Particle> particles = finder.find(plane, w, h);
        Optional<String> unfit = FrameQuality.problem(plane);
        if (unfit.isPresent()) {
            return Detection.undecided(particles, List.of(), 0, unfit.get());
        }
        int expected = Math.max(1, settings.decisionLimits().expectedBumpsPerFrame());
        String expectedFrom = "detector.expectedBumpsPerFrame";
        if (settings.bumps() instanceof BumpLayout.Fixed fixed && fixed.bumps().size() >= expected) {
            expected = fixed.bumps().size();
            expectedFrom = "the fixed layout's rectangles";
        } else if (settings.decisionLimits().expectedBumpsPerFrame() == 0) {
            expectedFrom = "every frame shows a bump";
        }
        return judge.judge(particles, bumps(plane, w, h), expected, expectedFrom);
    }

    private List<BumpRegion> bumps(float[] plane, int w, int h) {
        BumpLayout layout = settings.bumps();
        if (layout instanceof BumpLayout.Automatic automatic) {
            return new BumpFinder(automatic.minWidthPx(), automatic.minHeightPx()).find(plane, w, h);
        }
        List<BumpRegion> whole = new ArrayList<>();
        for (BumpLayout.Bump b : ((BumpLayout.Fixed) layout).bumps()) {
            if (b.x() + b.width() <= w && b.y() + b.height() <= h) {
                whole.add(new BumpRegion(b.id(), b.x(), b.y(), b.width(), b.height()));
            }
        }
        return whole;
    }
}
