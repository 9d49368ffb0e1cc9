package io.aoi.plugin.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.aoi.camera.Frame;
import io.aoi.camera.OwnedRows;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.camera.sim.TrueBump;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.eval.VerdictStats;
import io.aoi.plugin.pipeline.FrameInspector;
import io.aoi.plugin.pipeline.Inspection;
import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTruthInspectorTest {
    private static final SimulatedCameraSettings CAMERA = SimulatedCameraSettings.DEFAULTS.withWidthPx(512)
            .withLineRateHz(0).withSeed(11);
    private static final long FIRST_LINE = 832;
    private static final int ROWS = 512;

    /** Reports the true bumps, each with its verdict flipped or not. */
    private static FrameInspector reporting(SimulatedFrame truth, boolean flip) {
        return (frame, restored) -> {
            List<BumpCount> bumps = new ArrayList<>();
            boolean allOk = true;
            for (TrueBump t : truth.bumps()) {
                boolean ok = (t.particleCount() >= 5) != flip;
                allOk &= ok;
                bumps.add(new BumpCount(t.id(), t.x(), (int) t.y(), t.width(), t.height(), t.particleCount(), ok));
            }
            return new Inspection(0, 0, bumps, allOk ? Verdict.OK : Verdict.NG);
        };
    }

    @Test
    void scoresBumpAndFrameVerdictsAgainstTheSimulatorsTruth() {
        PanelSimulator simulator = new PanelSimulator(CAMERA);
        SimulatedFrame truth = simulator.frame(FIRST_LINE, ROWS);
        Frame frame = new Frame(2, FIRST_LINE, 96, 0, Instant.now(), "sim", truth.image(),
                OwnedRows.splitOverlaps(ROWS, 96, 96));
        int bumps = truth.bumps().size();
        boolean trulyOk = truth.bumps().stream().allMatch(b -> b.particleCount() >= 5);

        SimulatorTruthInspector right = new SimulatorTruthInspector(reporting(truth, false), simulator, 5);
        SimulatorTruthInspector wrong = new SimulatorTruthInspector(reporting(truth, true), simulator, 5);
        right.inspect(frame, truth.image());
        wrong.inspect(frame, truth.image());

        assertEquals(new VerdictStats(bumps, bumps), right.score().bumps());
        assertEquals(new VerdictStats(1, 1), right.score().frames());
        assertEquals(new VerdictStats(0, bumps), wrong.score().bumps());
        // flipped, the frame reads NG as soon as one bump is truly OK: wrong for an OK frame, right for an NG one
        // that also holds an OK bump
        boolean anyTrulyOk = truth.bumps().stream().anyMatch(b -> b.particleCount() >= 5);
        assertEquals(new VerdictStats(!trulyOk && anyTrulyOk ? 1 : 0, 1), wrong.score().frames());
    }
}
