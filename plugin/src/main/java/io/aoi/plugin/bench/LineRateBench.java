package io.aoi.plugin.bench;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurRegion;
import io.aoi.config.DeblurSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.deblur.DeblurException;
import io.aoi.deblur.Deblurrer;
import io.aoi.deblur.region.RegionDeblurrer;
import io.aoi.deblur.region.RegionFinder;
import io.aoi.deblur.region.RegionPlan;
import io.aoi.detect.BumpLocator;
import io.aoi.detect.ParticleDetector;
import io.aoi.image.Image;
import io.aoi.plugin.deblur.Deblurrers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Measures the station's inspection end to end (deblur + detection of a frame, on the caller's thread, as the
 * pipeline runs them) per frame size and arm: frames of the simulated ACF panel are rendered first (not timed),
 * each arm's deblurrer is opened and the first frame inspected {@code warmups} times (not timed), then every frame
 * is inspected {@code repeats} times. With {@code rounds} above 1 that is done again, round after round, every arm
 * once per round,
 * so that the arms of one round ran under the same conditions of the machine and can be compared with each other
 * ({@link BenchTargets}). Wall time, process CPU time (all threads: ONNX Runtime's intra-op threads too) and resident
 * memory are taken around the timed span. Prints nothing itself; the command renders {@link BenchTable}.
 */
public final class LineRateBench {
    private LineRateBench() {
    }

    /** @param progress told about each row as it is measured (for a long run's terminal) */
    public static List<BenchRow> run(BenchSettings settings, Consumer<BenchRow> progress) throws DeblurException {
        ParticleDetector detector = new ParticleDetector(settings.detector());
        RegionFinder bumps = new BumpLocator(detector);
        List<BenchRow> rows = new ArrayList<>();
        for (FrameSize size : settings.sizes()) {
            List<Image> frames = render(settings, size.widthPx(), size.heightPx());
            for (int round = 1; round <= settings.rounds(); round++) {
                for (BenchArm arm : settings.arms()) {
                    BenchRow row = measure(settings, arm, round, frames, detector, bumps);
                    rows.add(row);
                    progress.accept(row);
                }
            }
        }
        return rows;
    }

    private static List<Image> render(BenchSettings settings, int width, int height) {
        PanelSimulator simulator = new PanelSimulator(SimulatedCameraSettings.DEFAULTS.withWidthPx(width)
                .withLineRateHz(0).withDefocusSigmaPx(settings.defocusSigmaPx())
                .withNoiseSigma(settings.noiseSigma())
                .withMicronsPerPixel(settings.detector().micronsPerPixel()).withSeed(settings.seed()));
        List<Image> frames = new ArrayList<>();
        for (int n = 0; n < settings.frames(); n++) {
            frames.add(simulator.render(256 + (long) n * height, height));
        }
        return frames;
    }

    private static BenchRow measure(BenchSettings settings, BenchArm arm, int round, List<Image> frames,
            ParticleDetector detector, RegionFinder bumps) throws DeblurException {
        DeblurSettings deblur = settings.deblur().with(arm.model(), arm.passes())
                .withPolicy(settings.deblur().policy().withRegion(arm.region()));
        Image first = frames.get(0);
        try (Deblurrer deblurrer = Deblurrers.open(deblur, Optional.of(bumps), detector::shearDirectionFor)) {
            for (int w = 0; w < settings.warmups(); w++) {
                Image frame = copyOf(first);
                detector.detect(deblurrer.deblur(frame, arm.passes()), frame);
            }
            double restored = restoredFraction(deblurrer, arm, first);
            double deblurSeconds = 0;
            double cpu0 = ProcessMeters.cpuSeconds();
            long t0 = System.nanoTime();
            for (int r = 0; r < settings.repeats(); r++) {
                for (Image rendered : frames) {
                    Image frame = copyOf(rendered);
                    long d0 = System.nanoTime();
                    Image input = deblurrer.deblur(frame, arm.passes());
                    deblurSeconds += (System.nanoTime() - d0) / 1e9;
                    detector.detect(input, frame);
                }
            }
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = ProcessMeters.cpuSeconds() - cpu0;
            ProcessMeters.Rss rss = ProcessMeters.rss();
            return BenchRow.builder(arm).round(round).frameSize(first.width(), first.height())
                    .frames(frames.size() * settings.repeats()).wallSeconds(wall).cpuSeconds(cpu)
                    .deblurSeconds(deblurSeconds).restoredFraction(restored)
                    .memory(rss.megabytes(), rss.peakMegabytes()).build();
        }
    }

    /**
     * A new instance of the frame, as a camera delivers: the detector remembers what it found on a frame instance,
     * and a repeated one would cost less than a new frame.
     */
    private static Image copyOf(Image rendered) {
        return new Image(rendered.width(), rendered.height(), rendered.channels(), rendered.bitDepth(),
                rendered.samples());
    }

    /** Share of the warm-up frame the deblurrer restored. */
    private static double restoredFraction(Deblurrer deblurrer, BenchArm arm, Image frame) {
        if (arm.model().equals(DeblurModel.NONE)) { // restores nothing
            return 0;
        }
        if (deblurrer instanceof RegionDeblurrer regional) {
            return (double) RegionPlan.areaPx(regional.lastRegions()) / ((long) frame.width() * frame.height());
        }
        return arm.region() == DeblurRegion.FRAME ? 1 : Double.NaN;
    }
}
