package io.aoi.plugin.runtime;

import io.aoi.camera.Frame;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.TrueBump;
import io.aoi.eval.BumpVerdicts;
import io.aoi.eval.VerdictStats;
import io.aoi.image.Image;
import io.aoi.plugin.pipeline.FrameInspector;
import io.aoi.plugin.pipeline.Inspection;
import io.aoi.results.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Inspects with the station's inspector and scores each decision against the simulated panel's ground truth:
 * per bump as {@code evaluate} does ({@link BumpVerdicts}: each true bump wholly in the frame against the detected
 * bump that overlaps it most), and per frame (the frame is truly OK when every true bump wholly in it holds at least
 * {@code minParticlesPerBump} particles). Only for the simulated camera, whose frames carry their line position.
 *
 * <p>Called on the detect thread; {@link #score()} from any thread.
 */
final class SimulatorTruthInspector implements FrameInspector {

    private final FrameInspector inner;
    private final PanelSimulator truth;
    private final int minParticlesPerBump;
    private volatile TruthScore score = TruthScore.NONE;

    /** @param truth a simulator with the station camera's settings (the same seed renders the same panel) */
    SimulatorTruthInspector(FrameInspector inner, PanelSimulator truth, int minParticlesPerBump) {
        this.inner = inner;
        this.truth = truth;
        this.minParticlesPerBump = minParticlesPerBump;
    }

    @Override
    public Inspection inspect(Frame frame, Image restored) {
        Inspection inspection = inner.inspect(frame, restored);
        int rows = restored.height();
        List<TrueBump> bumps = new ArrayList<>();
        boolean trulyOk = true;
        for (TrueBump b : truth.bumpsIn(frame.firstLine(), rows)) {
            bumps.add(new TrueBump(b.id(), b.x(), b.y() - frame.firstLine(), b.width(), b.height(),
                    b.particleCount()));
            trulyOk &= b.particleCount() >= minParticlesPerBump;
        }
        VerdictStats bumpScore = BumpVerdicts.compare(inspection.bumps(), bumps, rows, minParticlesPerBump);
        boolean agreed = (inspection.verdict() == Verdict.OK) == trulyOk;
        TruthScore before = score;
        score = new TruthScore(before.bumps().plus(bumpScore),
                before.frames().plus(new VerdictStats(agreed ? 1 : 0, 1)));
        return inspection;
    }

    TruthScore score() {
        return score;
    }
}
