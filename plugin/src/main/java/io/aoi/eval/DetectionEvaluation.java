package io.aoi.eval;

import io.aoi.plugin.progress.Progress;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.FrameOrientation;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures the particle detector against the simulator's ground truth, in focus and at several defocus
 * sigmas, with and without deblurring.
 *
 * <p>For each frame the simulator renders the same panel lines in focus and at every sigma (same sensor
 * noise); each arm turns them into the detector's input, the detector runs with one fixed set of settings
 * (the station's), and detections are matched to the truth with {@link ParticleMatcher} (particles
 * cut by the frame border are optional) and bump verdicts compared with {@link BumpVerdicts}. Counts are
 * pooled over frames per sigma and arm. Each sigma has detectors of its own, as a station at that defocus would,
 * which see the frames in order, and the sharp arm has one more set (a station in focus; its frames are the same
 * at every sigma): an auto-direction detector pools the directions of the frames it captured, at first its
 * settings' angle. An input frame two arms return unchanged (the sharp frame, or the blurred frame at sigma 0) is
 * detected once per frame and sigma and its scores reused. An arm whose model was trained on one shear direction
 * ({@link EvaluationArm#shearDirectionDeg()}) gets the frames turned towards it from each detector's direction, as a
 * station turns them, and one restoration per distinct turn.
 *
 * <p>The lead's {@code evaluate} command calls {@link #run(EvaluationSettings, List)} with
 * {@link #standardArms(double, double)} plus its own arms, e.g.
 * {@code EvaluationArm.deblurred("udbd x2", udbd, 2)}. Single-threaded; the arms' deblurrers are used one
 * frame at a time.
 */
public final class DetectionEvaluation {
    /** Lines between consecutive evaluated frames start at this offset, clear of the panel's first line. */
    static final long FIRST_LINE = 256;

    /** Wiener sigma a station would configure for its nominal defocus. */
    public static final double DEFAULT_STATION_SIGMA_PX = 2.5;
    /**
     * Wiener noise-to-signal ratio used by both Wiener arms unless given: the best F1 at sigma 2.5 among
     * 0.001, 0.01, 0.02, 0.03, 0.05, 0.1 and 0.3 on one default frame with noise 0.01.
     */
    public static final double DEFAULT_NOISE_TO_SIGNAL = 0.03;

    private DetectionEvaluation() {
    }

    /**
     * sharp, blurred, Wiener with the true sigma, Wiener with the station's fixed sigma.
     *
     * @param stationSigmaPx the fixed Wiener sigma, as configured at a station
     * @param noiseToSignal  Wiener noise-to-signal ratio for both Wiener arms
     */
    public static List<EvaluationArm> standardArms(double stationSigmaPx, double noiseToSignal) {
        return List.of(EvaluationArm.sharp(), EvaluationArm.blurred(),
                EvaluationArm.wienerAtTrueSigma(noiseToSignal),
                EvaluationArm.wienerAtFixedSigma(stationSigmaPx, noiseToSignal));
    }

    /** Renders, restores, detects and scores with the settings' detector; see the class comment. No progress. */
    public static EvaluationReport run(EvaluationSettings settings, List<EvaluationArm> arms) throws DeblurException {
        return run(settings, arms, Progress.silent());
    }

    /**
     * As {@link #run(EvaluationSettings, List)}, advancing {@code progress} by one step per frame, sigma and arm
     * ({@link #steps} in all).
     */
    public static EvaluationReport run(EvaluationSettings settings, List<EvaluationArm> arms, Progress progress)
            throws DeblurException {
        return run(settings, arms, List.of(new DetectorVariant("", settings.detector())), progress);
    }

    /**
     * Renders, restores and scores every arm with each detector variant (each arm's input is restored once and
     * detected by every variant); rows are labelled arm + variant, arms first. Reports no progress.
     */
    public static EvaluationReport run(EvaluationSettings settings, List<EvaluationArm> arms,
            List<DetectorVariant> variants) throws DeblurException {
        return run(settings, arms, variants, Progress.silent());
    }

    /**
     * As {@link #run(EvaluationSettings, List, List)}, advancing {@code progress} by one step per frame, sigma and
     * arm, all variants detected ({@link #steps} in all).
     */
    public static EvaluationReport run(EvaluationSettings settings, List<EvaluationArm> arms,
            List<DetectorVariant> variants, Progress progress) throws DeblurException {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no evaluation arms given; pass at least one, e.g. standardArms");
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("no detector variants given; pass at least the station's detector");
        }
        PanelSimulator simulator = simulator(settings);
        // one station per sigma, and one in focus for the sharp arms: an auto-direction detector pools the
        // directions of the frames it captured, at its own defocus only (the station in focus sees each sharp
        // frame once per sigma, the same instance, and pools it once)
        Map<Double, List<ParticleDetector>> stations = new LinkedHashMap<>();
        for (double sigma : settings.defocusSigmasPx()) {
            stations.put(sigma, station(variants));
        }
        List<ParticleDetector> inFocus = station(variants);
        int h = settings.heightPx();
        Map<String, FrameScores> pooled = new LinkedHashMap<>();
        Map<Image, FrameScores[]> seen = new IdentityHashMap<>();
        for (int n = 0; n < settings.frames(); n++) {
            long firstLine = FIRST_LINE + (long) n * h;
            SimulatedFrame sharp = simulator.frame(firstLine, h, 0, 0, settings.noiseSigma());
            for (double sigma : settings.defocusSigmasPx()) {
                List<ParticleDetector> detectors = stations.get(sigma);
                seen.clear();
                Image blurred = sigma == 0 ? sharp.image()
                        : simulator.frame(firstLine, h, sigma, 0, settings.noiseSigma()).image();
                double[] shearDeg = null; // per detector, asked once per blurred frame, as a station asks it
                for (EvaluationArm arm : arms) {
                    FrameScores[] scores;
                    if (arm.shearDirectionDeg().isPresent()) {
                        if (shearDeg == null) {
                            shearDeg = shearDirections(detectors, blurred);
                        }
                        scores = orientedScores(arm, sharp, blurred, sigma, detectors, shearDeg);
                    } else {
                        Image input = arm.restorer().restore(sharp.image(), blurred, sigma);
                        // the sharp arm stands for a camera in focus: its frame is the one captured
                        Image captured = input == sharp.image() ? input : blurred;
                        List<ParticleDetector> station = captured == blurred ? detectors : inFocus;
                        scores = seen.computeIfAbsent(input, in -> scoresOf(station, in, captured, sharp));
                    }
                    for (int v = 0; v < scores.length; v++) {
                        pooled.merge(key(sigma, variants.get(v).labelFor(arm.label())), scores[v],
                                FrameScores::plus);
                    }
                    progress.step();
                }
            }
        }
        List<EvaluationRow> rows = new ArrayList<>();
        for (double sigma : settings.defocusSigmasPx()) {
            for (EvaluationArm arm : arms) {
                for (DetectorVariant v : variants) {
                    String label = v.labelFor(arm.label());
                    FrameScores s = pooled.get(key(sigma, label));
                    rows.add(new EvaluationRow(sigma, label, s.particles(), s.classes(), s.bumps(),
                            s.meanContrastThreshold()));
                }
            }
        }
        return new EvaluationReport(settings, rows);
    }

    private static List<ParticleDetector> station(List<DetectorVariant> variants) {
        List<ParticleDetector> detectors = new ArrayList<>();
        for (DetectorVariant v : variants) {
            detectors.add(new ParticleDetector(v.detector()));
        }
        return detectors;
    }

    /** Each detector's scores on one input frame, restored from {@code captured}. */
    private static FrameScores[] scoresOf(List<ParticleDetector> detectors, Image input, Image captured,
            SimulatedFrame sharp) {
        FrameScores[] scores = new FrameScores[detectors.size()];
        for (int v = 0; v < scores.length; v++) {
            scores[v] = FrameScores.of(detectors.get(v), input, captured, sharp);
        }
        return scores;
    }

    /**
     * The direction each detector holds for the blurred frame before it is restored ({@link
     * ParticleDetector#shearDirectionFor}: its fixed angle, or in auto mode its estimate).
     */
    private static double[] shearDirections(List<ParticleDetector> detectors, Image blurred) {
        double[] out = new double[detectors.size()];
        for (int v = 0; v < out.length; v++) {
            out[v] = detectors.get(v).shearDirectionFor(blurred);
        }
        return out;
    }

    /**
     * The scores of an arm whose model was trained on one shear direction: as a station does, each detector turns
     * the frames towards it from the direction it holds for the blurred frame ({@code shearDeg}), the arm restores
     * the turned frames and the result is turned back. Detectors that turn the frames alike share one restoration.
     */
    private static FrameScores[] orientedScores(EvaluationArm arm, SimulatedFrame sharp, Image blurred, double sigma,
            List<ParticleDetector> detectors, double[] shearDeg) throws DeblurException {
        double model = arm.shearDirectionDeg().getAsDouble();
        Map<FrameOrientation, Image> restored = new EnumMap<>(FrameOrientation.class);
        FrameScores[] scores = new FrameScores[detectors.size()];
        for (int v = 0; v < scores.length; v++) {
            ParticleDetector detector = detectors.get(v);
            FrameOrientation turn = FrameOrientation.toward(shearDeg[v], model);
            Image input = restored.get(turn);
            if (input == null) {
                input = turn.inverse().apply(arm.restorer().restore(turn.apply(sharp.image()), turn.apply(blurred),
                        sigma));
                restored.put(turn, input);
            }
            scores[v] = FrameScores.of(detector, input, blurred, sharp);
        }
        return scores;
    }

    /**
     * How many progress steps {@link #run(EvaluationSettings, List, List, Progress)} takes, whatever the number of
     * detector variants.
     */
    public static long steps(EvaluationSettings settings, List<EvaluationArm> arms) {
        return (long) settings.frames() * settings.defocusSigmasPx().size() * arms.size();
    }

    /**
     * The evaluation's panel at the settings' shear direction: no blur or noise of its own; each step renders
     * with its own.
     */
    static PanelSimulator simulator(EvaluationSettings settings) {
        return new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(settings.widthPx())
                .withBitDepth(settings.bitDepth()).withLineRateHz(0).withDefocusSigmaPx(0)
                .withNoiseSigma(settings.noiseSigma()).withParticlesPerBump(settings.particlesPerBump())
                .withMicronsPerPixel(settings.detector().micronsPerPixel()).withSeed(settings.seed()),
                settings.shearAngleDeg());
    }

    private static String key(double sigma, String arm) {
        return sigma + "|" + arm;
    }
}
