package io.aoi.detect;

import io.aoi.config.BumpLayout;
import io.aoi.config.DetectorSettings;
import io.aoi.cv.OpenCv;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts conductive particles per bump in one frame and decides OK, NG or NO_DECISION.
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
 * small, blank, saturated or of too low contrast ({@link FrameQuality}; as captured and, when restored, as restored
 * too: a restoration can pull glare below full scale), when no bump or fewer bumps than expected
 * are judged (at least one; {@code detector.expectedBumpsPerFrame}; with a fixed layout every rectangle of it: one
 * outside the frame is unseen), when the judged bumps cover less than {@code detector.minJudgedBumpAreaPx}, or when
 * a bump holds an implausible number of particles (see {@link BumpJudge}).
 *
 * <p>Particles count only on bumps, so only the bumps are searched, whole and partial ones
 * ({@link SearchRegions}); the particles returned are those with their centre on a bump. With automatic bumps, a
 * frame that shows no bump-versus-resin step at all (it may be all bump) is searched whole, none of its particles
 * is judged, and it gets no decision (no bump found).
 *
 * <p>The relief (DIC shear) direction is the station's {@code illuminationAngleDeg}, or with
 * {@code illuminationAngleAuto} estimated per frame from the particles' relief orientation
 * ({@link ReliefDirection}) and pooled over the detector's recent frames ({@link DirectionPool}): the shear
 * direction is fixed per station, and a frame at defocus sigma 4 reads it only to about 3 degrees (rms). A frame with
 * too few agreeing particles leaves the pool as it is; until a frame gives an estimate the configured angle is
 * used. Auto mode reads the direction from the frame as captured ({@link #detect(Image, Image)}), not from the
 * restored one: a model trained on one direction leans the relief it restores towards that direction (UDBD-Net's
 * ACF models, trained at 0 degrees, restore a relief of 40 degrees that reads about 21). The direction used is in
 * the {@link Detection}.
 *
 * <p>The contrast threshold is {@code minContrast}, or with {@code contrastNoiseFactor} above 0 per particle radius
 * {@code max(minContrast, contrastNoiseFactor x amplitude noise)}: the noise of the fitted relief amplitude measured
 * on the frame given (the restored frame, so a deblurrer's amplified and coloured noise counts) as the robust
 * spread of the matched filter's own response over the bumps ({@link AmplitudeNoise}). Noise specks of an amplified
 * noise then stay below the threshold, while a frame as quiet as the one minContrast was set for keeps it. The
 * highest threshold of the frame's radii is in the {@link Detection}.
 *
 * <p>Thread-safe: the instance holds immutable settings and templates and, in auto mode, the pooled direction
 * ({@link DirectionPool}, locked) and what it found on its last few captured frames ({@link CapturedFrames},
 * locked), so one detector may serve several threads. Every native buffer is freed before {@link #detect}
 * returns.
 */
public final class ParticleDetector {
    private final DetectorSettings settings;
    private final ParticleFinder finder;
    private final BumpJudge judge;
    private final ReliefDirection direction;
    private final DirectionPool directions;
    private final CapturedFrames capturedFrames = new CapturedFrames();

    /**
     * Loads OpenCV now, on the constructing thread, so that a missing native library stops the start instead of
     * failing a frame (or the detect thread while the station stops).
     */
    public ParticleDetector(DetectorSettings settings) {
        this.settings = settings;
        this.finder = new ParticleFinder(settings.minDiameterPx(), settings.maxDiameterPx());
        this.judge = new BumpJudge(settings.minParticlesPerBump(), settings.micronsPerPixel(),
                settings.decisionLimits().maxParticlesPerBump(), settings.minDiameterPx(),
                settings.decisionLimits().minJudgedBumpAreaPx());
        this.direction = new ReliefDirection((settings.minDiameterPx() + settings.maxDiameterPx()) / 4);
        this.directions = new DirectionPool(DirectionPool.STATION_KEEP_PER_FRAME);
        OpenCv.load();
    }

    /**
     * The shear direction of a frame measured from its particles, whatever the settings' mode; for calibration.
     *
     * @throws IllegalArgumentException for colour frames or other formats, naming what was given
     */
    public DirectionEstimate estimateDirection(Image frame) {
        float[] plane = MonoPlane.of(frame);
        int w = frame.width();
        int h = frame.height();
        return direction.estimate(plane, w, h, regions(bumps(plane, w, h), w, h), settings.minContrast());
    }

    /**
     * The shear direction this detector holds for {@code frame} before it is restored: the configured angle, or
     * in auto mode the pooled direction with the frame's own estimate added ({@link DirectionPool}). A station
     * turns the frame by it before a model trained on one direction restores it ({@code OrientedDeblurrer}):
     * defocus blurs the relief but keeps its direction, and a model fed the wrong direction would restore particles
     * the detector then cannot find. A frame the estimator cannot read (colour, smaller than a particle) gets the
     * pooled direction as it is. Asked again for the same frame instance (as {@link #detect(Image, Image)} asks for
     * the frame as captured), the answer is the one given before and the frame is not pooled again
     * ({@link CapturedFrames}; two threads asking at once for the same new frame may both pool it).
     */
    public double shearDirectionFor(Image frame) {
        if (!settings.illuminationAngleAuto()) {
            return settings.illuminationAngleDeg();
        }
        return capturedFrames.angleDeg(frame, () -> {
            int w = frame.width();
            int h = frame.height();
            if (frame.channels() != 1 || FrameQuality.tooSmall(w, h, settings.maxDiameterPx()).isPresent()) {
                return heldAngleDeg();
            }
            float[] plane = MonoPlane.of(frame);
            return angleFor(plane, w, h, regions(capturedBumps(frame, plane), w, h));
        });
    }

    /**
     * The bumps of {@code frame} as captured, found once per frame instance ({@link CapturedFrames}); for the
     * regions a station restores ({@link BumpLocator}), which it then turns by {@link #shearDirectionFor}.
     *
     * @param plane {@code frame} as {@link MonoPlane#of}, or null to convert it here when needed
     */
    BumpFinder.Found capturedBumps(Image frame, float[] plane) {
        return capturedFrames.bumps(frame, () -> bumps(plane != null ? plane : MonoPlane.of(frame), frame.width(),
                frame.height()));
    }

    public DetectorSettings settings() {
        return settings;
    }

    /**
     * Detects on a frame as captured: {@link #detect(Image, Image)} with the frame as both.
     *
     * @param frame an 8- or 16-bit mono frame; not modified
     * @throws IllegalArgumentException for colour frames or other formats, naming what was given
     */
    public Detection detect(Image frame) {
        return detect(frame, frame);
    }

    /**
     * Detects on {@code restored}, in auto mode in the shear direction read from {@code captured}
     * ({@link #shearDirectionFor}), the frame the camera gave and the deblurrer restored; with a fixed angle the
     * direction is not read from {@code captured}. Whether the frame can be judged at all (saturation, blankness,
     * contrast) is decided on {@code captured} first, then on {@code restored}.
     *
     * @param restored the frame to search, 8- or 16-bit mono; not modified
     * @param captured the frame as captured, 8- or 16-bit mono; {@code restored} itself when nothing was restored
     * @throws IllegalArgumentException for colour frames or other formats, naming what was given
     */
    public Detection detect(Image restored, Image captured) {
        Objects.requireNonNull(captured, "captured");
        float[] plane = MonoPlane.of(restored);
        int w = restored.width();
        int h = restored.height();
        Optional<String> tooSmall = FrameQuality.tooSmall(w, h, settings.maxDiameterPx());
        if (tooSmall.isPresent()) {
            return Detection.undecided(List.of(), List.of(), 0, tooSmall.get());
        }
        BumpFinder.Found bumps = bumps(plane, w, h);
        List<SearchRegion> regions = regions(bumps, w, h);
        double angle = captured == restored ? capturedFrames.angleDeg(captured, () -> angleFor(plane, w, h, regions))
                : shearDirectionFor(captured);
        ParticleFinder.Found found = finder.find(plane, w, h, regions, angle, settings.minContrast(),
                settings.contrastNoiseFactor());
        List<Particle> particles = found.particles();
        // saturation, blankness and contrast are properties of what the camera saw: a restoration can pull glare
        // below full scale or stretch a flat frame, so the captured frame is judged first, then the restored one
        Optional<String> unfit = captured == restored ? FrameQuality.problem(plane)
                : FrameQuality.problem(MonoPlane.of(captured)).map(reason -> "as captured: " + reason)
                        .or(() -> FrameQuality.problem(plane));
        if (unfit.isPresent()) {
            return Detection.undecided(particles, List.of(), 0, unfit.get()).withIlluminationAngleDeg(angle)
                    .withContrastThreshold(found.contrastThreshold());
        }
        int expected = Math.max(1, settings.decisionLimits().expectedBumpsPerFrame());
        String expectedFrom = "detector.expectedBumpsPerFrame";
        if (settings.bumps() instanceof BumpLayout.Fixed fixed && fixed.bumps().size() >= expected) {
            expected = fixed.bumps().size();
            expectedFrom = "the fixed layout's rectangles";
        } else if (settings.decisionLimits().expectedBumpsPerFrame() == 0) {
            expectedFrom = "every frame shows a bump";
        }
        return judge.judge(particles, bumps.whole(), expected, expectedFrom).withIlluminationAngleDeg(angle)
                .withContrastThreshold(found.contrastThreshold());
    }

    /**
     * The configured direction, or in auto mode the pooled direction with this frame's estimate added, at first
     * the configured angle.
     */
    private double angleFor(float[] plane, int w, int h, List<SearchRegion> regions) {
        if (!settings.illuminationAngleAuto()) {
            return settings.illuminationAngleDeg();
        }
        directions.add(direction.estimate(plane, w, h, regions, settings.minContrast()));
        return heldAngleDeg();
    }

    private double heldAngleDeg() {
        return directions.angleDeg().orElse(settings.illuminationAngleDeg());
    }

    private static List<SearchRegion> regions(BumpFinder.Found bumps, int w, int h) {
        if (!bumps.stepFound()) {
            return SearchRegions.wholeFrame(w, h);
        }
        List<BumpRegion> searched = new ArrayList<>(bumps.whole());
        searched.addAll(bumps.partial());
        return SearchRegions.of(searched, w, h);
    }

    private BumpFinder.Found bumps(float[] plane, int w, int h) {
        BumpLayout layout = settings.bumps();
        if (layout instanceof BumpLayout.Automatic automatic) {
            return new BumpFinder(automatic.minWidthPx(), automatic.minHeightPx()).find(plane, w, h);
        }
        List<BumpRegion> whole = new ArrayList<>();
        List<BumpRegion> partial = new ArrayList<>();
        for (BumpLayout.Bump b : ((BumpLayout.Fixed) layout).bumps()) {
            BumpRegion r = new BumpRegion(b.id(), b.x(), b.y(), b.width(), b.height());
            if (b.x() + b.width() <= w && b.y() + b.height() <= h) {
                whole.add(r);
            } else if (b.x() < w && b.y() < h) {
                partial.add(r);
            }
        }
        return new BumpFinder.Found(whole, partial, true);
    }
}
