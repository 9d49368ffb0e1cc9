package io.aoi.camera.assembly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.GrabResult;
import io.aoi.camera.SourceLoss;
import io.aoi.camera.Strip;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.camera.sim.SimulatedLineCamera;
import io.aoi.camera.sim.TrueParticle;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StripFrameSourceTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void simulatedCameraFramesMatchTheSimulatorAndEveryParticleHasOneOwner() throws Exception {
        SimulatedCameraSettings camera = SimulatedCameraSettings.DEFAULTS.withWidthPx(256).withLineRateHz(0)
                .withDefocusSigmaPx(1.5).withParticlesPerBump(10).withSeed(77);
        FrameAssemblySettings assembly = new FrameAssemblySettings(37, 256, 96);
        List<Frame> frames = new ArrayList<>();
        PanelSimulator sim;
        try (SimulatedLineCamera lines = new SimulatedLineCamera(camera, 37);
                StripFrameSource source = new StripFrameSource(lines, assembly)) {
            sim = lines.simulator();
            source.start();
            for (int k = 0; k < 12; k++) {
                frames.add(assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame());
            }
        }
        for (Frame f : frames) {
            assertArrayEquals(sim.render(f.firstLine(), 256).samples(), f.image().samples());
        }
        long end = frames.get(frames.size() - 1).firstLine() + 256;
        Map<TrueParticle, Integer> owners = new HashMap<>();
        for (TrueParticle p : sim.particlesIn(0, (int) end)) {
            owners.put(p, 0);
        }
        assertTrue(owners.size() > 100, owners.size() + " particles");
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            boolean last = k == frames.size() - 1;
            for (TrueParticle p : sim.particlesIn(f.firstLine(), 256)) {
                if ((last ? f.ownedRows().toTheEnd() : f.ownedRows()).contains(p.y() - f.firstLine())) {
                    owners.merge(p, 1, Integer::sum);
                }
            }
        }
        owners.forEach((p, n) -> assertEquals(1, n, p + " owned by " + n + " frames"));
    }

    @Test
    void mapsGrabOutcomesToFrameOutcomes() throws Exception {
        Image lines = Image.blank(16, 20, 1, 8);
        List<GrabResult> script = List.of(
                new GrabResult.Grabbed(new Strip(0, 0, Instant.now(), lines)),
                new GrabResult.TimedOut(Duration.ofMillis(5)),
                new GrabResult.Grabbed(new Strip(1, 20, Instant.now(), lines)),
                new GrabResult.Lost("cable unplugged"),
                new GrabResult.Grabbed(new Strip(0, 0, Instant.now(), lines)),
                new GrabResult.Incomplete(1, 20, "aborted"),
                new GrabResult.Grabbed(new Strip(2, 40, Instant.now(), lines)));
        ScriptedLineSource scripted = new ScriptedLineSource(16, script);
        try (StripFrameSource source = new StripFrameSource(scripted, new FrameAssemblySettings(20, 16, 0))) {
            source.start();
            assertEquals(0, assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame().firstLine());
            assertInstanceOf(FrameResult.TimedOut.class, source.next(WAIT));
            assertEquals(16, assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame().firstLine());
            FrameResult.Dropped partial = assertInstanceOf(FrameResult.Dropped.class, source.next(WAIT));
            assertTrue(partial.reason().contains("cable unplugged"), partial.reason()); // lines 32..39
            FrameResult.SourceLost lost = assertInstanceOf(FrameResult.SourceLost.class, source.next(WAIT));
            assertEquals("cable unplugged", lost.reason());
            Frame afterLoss = assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame();
            assertEquals(0, afterLoss.firstLine(), "the camera came back with its counters restarted");
            assertEquals(8, afterLoss.gapLinesBefore());
            FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, source.next(WAIT));
            assertTrue(dropped.reason().contains("aborted"), dropped.reason());
            Frame afterIncomplete = assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame();
            assertEquals(40, afterIncomplete.firstLine());
            assertEquals(4 + 20, afterIncomplete.gapLinesBefore());
            assertEquals(4, assertInstanceOf(FrameResult.Ready.class, source.next(WAIT)).frame().image().height());
            assertInstanceOf(FrameResult.Ended.class, source.next(WAIT));
            assertInstanceOf(FrameResult.Ended.class, source.next(WAIT));
        }
        assertTrue(scripted.closed);
    }

    @Test
    void aCameraThatCannotServeIsReportedWithItsKindUntilDataArrives() throws Exception {
        Image lines = Image.blank(16, 20, 1, 8);
        List<GrabResult> script = List.of(
                new GrabResult.Lost("refuses width 1024", SourceLoss.INCOMPATIBLE),
                new GrabResult.Grabbed(new Strip(5, 100, Instant.now(), lines)));
        try (StripFrameSource source = new StripFrameSource(new ScriptedLineSource(16, script),
                new FrameAssemblySettings(20, 16, 0))) {
            source.start();
            assertTrue(source.outage().isEmpty());
            FrameResult.SourceLost lost = assertInstanceOf(FrameResult.SourceLost.class, source.next(WAIT));
            assertEquals(SourceLoss.INCOMPATIBLE, lost.loss());
            assertEquals(lost, source.outage().orElseThrow());
            assertInstanceOf(FrameResult.Ready.class, source.next(WAIT));
            assertTrue(source.outage().isEmpty(), "cleared once the camera delivers");
        }
    }
}
