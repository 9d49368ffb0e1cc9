package io.aoi.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedFrame;
import io.aoi.camera.sim.TrueBump;
import io.aoi.config.DeblurModel;
import io.aoi.config.DetectorSettings;
import io.aoi.deblur.Deblurrer;
import io.aoi.detect.BumpLocator;
import io.aoi.detect.ParticleDetector;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfig;
import io.aoi.eval.MatchStats;
import io.aoi.eval.ParticleMatcher;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.runtime.DemoStations;
import io.aoi.results.BumpCount;
import io.aoi.results.Verdict;
import java.nio.file.Path;
import java.util.Optional;
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

    @Test
    void anAcfStationLitFromAnotherDirectionRestoresItsParticles(@TempDir Path tmp) throws Exception {
        StationConfig demo = DemoStations.demo(tmp, DeblurModel.UDBD_ACF_LITE, 1);
        SimulatedCameraSettings camera = (SimulatedCameraSettings) demo.camera();
        SimulatedFrame frame = new PanelSimulator(camera, 120).frame(1400, 512, 2.5, 0, 0.01);
        MatchStats[] byMode = new MatchStats[2];
        DetectorSettings[] modes = {demo.detector().withIlluminationAngleDeg(120),
            demo.detector().withAutoIlluminationAngle(0)};
        for (int i = 0; i < modes.length; i++) {
            StationConfig station = new StationConfig(demo.stationId(), camera, demo.assembly(), demo.deblur(),
                    modes[i], demo.opcua(), demo.outputs());
            try (Inspector inspector = Inspector.open(station)) {
                InspectionReport report = inspector.inspect(frame.image());
                byMode[i] = ParticleMatcher.match(report.particles(), frame.particles(), camera.widthPx(), 512);
            }
        }
        ParticleDetector fixed = new ParticleDetector(modes[0]);
        MatchStats unturned;
        try (Deblurrer plain = Deblurrers.open(demo.deblur(), Optional.of(new BumpLocator(modes[0])))) {
            unturned = ParticleMatcher.match(fixed.detect(plain.deblur(frame.image(), 1)).particles(),
                    frame.particles(), camera.widthPx(), 512);
        }
        System.out.printf("station at 120 degrees, sigma 2.5: F1 turned %.3f (auto %.3f), unturned %.3f%n",
                byMode[0].f1(), byMode[1].f1(), unturned.f1());
        assertTrue(byMode[0].f1() >= 0.9, "fixed 120 degrees: " + byMode[0]);
        assertTrue(byMode[1].f1() >= 0.9, "auto from a fallback of 0 degrees: " + byMode[1]);
        assertTrue(byMode[0].f1() > unturned.f1() + 0.05, "restored unturned: " + unturned);
    }
}
