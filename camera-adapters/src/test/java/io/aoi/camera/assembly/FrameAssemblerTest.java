package io.aoi.camera.assembly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.CameraException;
import io.aoi.camera.Frame;
import io.aoi.camera.FrameResult;
import io.aoi.camera.GrabResult;
import io.aoi.camera.OwnedRows;
import io.aoi.camera.Strip;
import io.aoi.camera.sim.PanelSimulator;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.image.Image;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {
    private static final int WIDTH = 96;
    private static final PanelSimulator SIM = new PanelSimulator(
            SimulatedCameraSettings.DEFAULTS.withWidthPx(WIDTH).withLineRateHz(0).withDefocusSigmaPx(1.0)
                    .withParticlesPerBump(8).withSeed(5));

    private static Strip strip(long sequence, long firstLine, int lines) {
        return new Strip(sequence, firstLine, Instant.now(), SIM.render(firstLine, lines));
    }

    private static List<Frame> ready(List<FrameResult> results) {
        List<Frame> frames = new ArrayList<>();
        for (FrameResult r : results) {
            frames.add(assertInstanceOf(FrameResult.Ready.class, r).frame());
        }
        return frames;
    }

    @Test
    void framesFromAwkwardStripsEqualADirectRender() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(37, 128, 48), "sim");
        List<Frame> frames = new ArrayList<>();
        for (int s = 0; s < 20; s++) {
            frames.addAll(ready(assembler.add(strip(s, s * 37L, 37))));
        }
        assertEquals((20 * 37 - 128) / 80 + 1, frames.size());
        for (int k = 0; k < frames.size(); k++) {
            Frame f = frames.get(k);
            assertEquals(k, f.frameId());
            assertEquals(k * 80L, f.firstLine());
            assertEquals(k == 0 ? 0 : 48, f.overlapTopRows());
            // each frame owns half of each band it shares: rows 24 to 104 of 128, the first one from its top
            assertEquals(new OwnedRows(k == 0 ? Double.NEGATIVE_INFINITY : 24, 104), f.ownedRows());
            assertEquals(0, f.gapLinesBefore());
            assertEquals("sim", f.sourceName());
            assertArrayEquals(SIM.render(f.firstLine(), 128).samples(), f.image().samples(), "frame " + k);
        }
        for (int k = 1; k < frames.size(); k++) {
            assertArrayEquals(frames.get(k - 1).image().rows(80, 48).samples(),
                    frames.get(k).image().rows(0, 48).samples());
        }
    }

    @Test
    void oneLargeStripCompletesSeveralFrames() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(500, 64, 16), "sim");
        List<Frame> frames = ready(assembler.add(strip(0, 0, 500)));
        assertEquals((500 - 64) / 48 + 1, frames.size());
        for (Frame f : frames) {
            assertArrayEquals(SIM.render(f.firstLine(), 64).samples(), f.image().samples());
        }
    }

    @Test
    void sequenceGapDropsThePartialFrameAndRestartsWithoutOverlap() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(40, 100, 20), "sim");
        List<FrameResult> results = new ArrayList<>();
        results.addAll(assembler.add(strip(0, 0, 40)));
        results.addAll(assembler.add(strip(1, 40, 40)));
        results.addAll(assembler.add(strip(2, 80, 40)));   // frame 0 = lines 0..99 complete; 100..119 buffered
        results.addAll(assembler.add(strip(5, 200, 40)));  // strips 3 and 4 (lines 120..199) lost
        results.addAll(assembler.add(strip(6, 240, 40)));
        results.addAll(assembler.add(strip(7, 280, 40)));
        assertEquals(3, results.size());
        Frame first = assertInstanceOf(FrameResult.Ready.class, results.get(0)).frame();
        assertEquals(0, first.firstLine());
        FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, results.get(1));
        assertEquals(1, dropped.frameId());
        assertEquals("sim", dropped.sourceName(), "named like the frames around it");
        assertTrue(dropped.reason().contains("sequence jumped from 3 to 5"), dropped.reason());
        Frame after = assertInstanceOf(FrameResult.Ready.class, results.get(2)).frame();
        assertEquals(2, after.frameId());
        assertEquals(200, after.firstLine());
        assertEquals(0, after.overlapTopRows());
        assertEquals(200 - 100, after.gapLinesBefore(), "lines 100..199 were never delivered");
        assertArrayEquals(SIM.render(200, 100).samples(), after.image().samples());
    }

    @Test
    void gapRightAfterAFrameDropsNothingButCountsTheLostLines() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(50, 100, 0), "sim");
        List<FrameResult> results = new ArrayList<>();
        results.addAll(assembler.add(strip(0, 0, 50)));
        results.addAll(assembler.add(strip(1, 50, 50)));
        results.addAll(assembler.add(strip(3, 150, 50)));
        results.addAll(assembler.add(strip(4, 200, 50)));
        List<Frame> frames = ready(results);
        assertEquals(2, frames.size());
        assertEquals(150, frames.get(1).firstLine());
        assertEquals(50, frames.get(1).gapLinesBefore());
    }

    @Test
    void incompleteStripDropsItsFrameWithTheDriverStatusAndIsNeverPassedOn() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(30, 90, 30), "sim");
        List<FrameResult> results = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            results.addAll(assembler.add(strip(s, s * 30L, 30)));          // frame 0 = 0..89
        }
        results.addAll(assembler.incomplete(new GrabResult.Incomplete(4, 30, "ARV_BUFFER_STATUS_MISSING_PACKETS")));
        for (int s = 5; s < 9; s++) {
            results.addAll(assembler.add(strip(s, s * 30L, 30)));
        }
        assertEquals(3, results.size());
        assertEquals(0, assertInstanceOf(FrameResult.Ready.class, results.get(0)).frame().firstLine());
        FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, results.get(1));
        assertTrue(dropped.reason().contains("MISSING_PACKETS"), dropped.reason());
        Frame after = assertInstanceOf(FrameResult.Ready.class, results.get(2)).frame();
        assertEquals(150, after.firstLine(), "restarts after the incomplete lines 120..149");
        assertEquals(0, after.overlapTopRows());
        assertEquals(60, after.gapLinesBefore(), "lines 90..149 were never delivered");
        assertArrayEquals(SIM.render(150, 90).samples(), after.image().samples());
    }

    @Test
    void incompleteStripRightAfterAFrameStillDropsTheFrameItStarts() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(50, 100, 0), "sim");
        assembler.add(strip(0, 0, 50));
        assertEquals(1, assembler.add(strip(1, 50, 50)).size());
        List<FrameResult> results = assembler.incomplete(new GrabResult.Incomplete(2, 50, "timeout"));
        assertInstanceOf(FrameResult.Dropped.class, results.get(0));
        assertEquals(1, results.size());
    }

    @Test
    void sourceLossDropsThePartialFrame() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(50, 100, 0), "sim");
        assembler.add(strip(0, 0, 50));
        List<FrameResult> results = assembler.sourceLost("link down");
        FrameResult.Dropped dropped = assertInstanceOf(FrameResult.Dropped.class, results.get(0));
        assertTrue(dropped.reason().contains("link down"), dropped.reason());
        // The camera comes back with its counters restarted: the gap size is unknown beyond the dropped lines.
        List<Frame> frames = new ArrayList<>();
        frames.addAll(ready(assembler.add(strip(0, 0, 50))));
        frames.addAll(ready(assembler.add(strip(1, 50, 50))));
        assertEquals(1, frames.size());
        assertEquals(50, frames.get(0).gapLinesBefore());
        assertEquals(0, frames.get(0).overlapTopRows());
    }

    @Test
    void widthChangeIsAnError() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(10, 100, 0), "sim");
        assembler.add(strip(0, 0, 10));
        Strip narrow = new Strip(1, 10, Instant.now(), Image.blank(64, 10, 1, 8));
        CameraException e = assertThrows(CameraException.class, () -> assembler.add(narrow));
        assertTrue(e.getMessage().contains("64 px") && e.getMessage().contains(WIDTH + " px"), e.getMessage());
    }

    @Test
    void endDeliversTheRemainingLinesAsAShortFrame() throws CameraException {
        FrameAssembler assembler = new FrameAssembler(new FrameAssemblySettings(60, 100, 20), "sim");
        assembler.add(strip(0, 0, 60));
        assembler.add(strip(1, 60, 60));   // frame 0..99; 80..119 buffered
        List<Frame> last = ready(assembler.end(Instant.now()));
        assertEquals(1, last.size());
        assertEquals(80, last.get(0).firstLine());
        assertEquals(40, last.get(0).image().height());
        assertEquals(20, last.get(0).overlapTopRows());
        // no frame follows: the short frame owns everything below its half of the shared band
        assertEquals(new OwnedRows(10, Double.POSITIVE_INFINITY), last.get(0).ownedRows());
    }
}
