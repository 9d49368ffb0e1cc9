package io.aoi.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.camera.sim.TrueBump;
import io.aoi.config.DeblurModel;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfig;
import io.aoi.plugin.runtime.DemoStations;
import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectorTest {
    @Test
    void aSimulatedFrameGetsTheVerdictAndBumpsOfItsTruth(@TempDir Path tmp) throws Exception {
        StationConfig config = DemoStations.demo(tmp, DeblurModel.NONE, 0);
        int min = config.detector().minParticlesPerBump();
        SimulatedFrame frame = new PanelSimulator((SimulatedCameraSettings) config.camera())
                .frame(1400, 512, 0, 0, 0.005);
        assertTrue(!frame.bumps().isEmpty(), "the frame holds whole bumps");
        boolean trulyOk = frame.bumps().stream().allMatch(b -> b.particleCount() >= min);

        Inspector inspector = Inspector.open(config);
        InspectionReport report;
        try {
            assertEquals("none", inspector.deblurModel());
            report = inspector.inspect(frame.image());
        } finally {
            inspector.close();
        }
        inspector.close();
        assertThrows(IllegalStateException.class, () -> inspector.inspect(frame.image()), "closed");
        assertEquals(trulyOk ? Verdict.OK : Verdict.NG, report.verdict(), report.reason());
        assertEquals(frame.bumps().size(), report.bumps().size(), "every true bump judged");
        for (TrueBump truth : frame.bumps()) {
            BumpCount judged = report.bumps().stream()
                    .filter(b -> Math.abs(b.x() - truth.x()) <= 4 && Math.abs(b.y() - truth.y()) <= 4)
                    .findFirst().orElseThrow(() -> new AssertionError("no bump found at " + truth));
            assertEquals(truth.particleCount() >= min, judged.ok(), "bump at " + truth);
        }
        assertTrue(report.particles().size() > 0);
        assertTrue(report.restored().isPresent());
    }
}
