package io.aoi.camera.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameResult;
import io.aoi.camera.FrameSource;
import io.aoi.camera.Pacing;
import io.aoi.camera.assembly.StripFrameSource;
import io.aoi.camera.folder.ImageFolderSource;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.config.ImageFolderSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.testing.RequiresAravis;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FrameSourcesTest {
    private static final FrameAssemblySettings ASSEMBLY = new FrameAssemblySettings(32, 128, 48);

    @Test
    void simulatedSettingsOpenAssembledFramesOfTheConfiguredHeight() throws Exception {
        try (FrameSource source = FrameSources.open(
                SimulatedCameraSettings.DEFAULTS.withWidthPx(64).withLineRateHz(0).withDefocusSigmaPx(0)
                        .withNoiseSigma(0).withParticlesPerBump(5).withSeed(1), ASSEMBLY)) {
            assertEquals(Pacing.LIVE, source.pacing(), "a line-scan camera, even an unpaced one, cannot wait");
            assertDeliversAssembledFrames(source);
        }
    }

    @Test
    void folderSettingsOpenAnImageFolderSource() throws Exception {
        try (FrameSource source = FrameSources.open(new ImageFolderSettings(Path.of("frames"), false), ASSEMBLY)) {
            assertInstanceOf(ImageFolderSource.class, source);
            assertEquals(Pacing.ON_DEMAND, source.pacing(), "files on disk wait until they are read");
        }
    }

    @Test
    @RequiresAravis
    void aravisSettingsOpenAssembledFramesFromTheCamera() throws Exception {
        AravisCameraSettings aravis = AravisCameraSettings.DEFAULTS.withCameraId("Fake_1").withWidthPx(64)
                .withLinesPerBuffer(32).withLineRateHz(32 * 100.0).withPacketSocket(false).withBufferCount(8);
        try (FrameSource source = FrameSources.open(aravis, ASSEMBLY)) {
            assertDeliversAssembledFrames(source);
        }
    }

    @Test
    @RequiresAravis
    void aravisSettingsNamingAnAbsentCameraFailWithItsName() {
        AravisCameraSettings aravis = AravisCameraSettings.DEFAULTS.withCameraId("NoSuchCamera-99").withBufferCount(8);
        CameraException e = assertThrows(CameraException.class, () -> FrameSources.open(aravis, ASSEMBLY));
        assertTrue(e.getMessage().contains("NoSuchCamera-99"), e.getMessage());
    }

    /** A strip source that delivers frames of the assembly's height and the camera's 64 px width. */
    private static void assertDeliversAssembledFrames(FrameSource source) throws Exception {
        assertInstanceOf(StripFrameSource.class, source);
        source.start();
        FrameResult.Ready ready = assertInstanceOf(FrameResult.Ready.class, source.next(Duration.ofSeconds(5)));
        assertEquals(128, ready.frame().image().height());
        assertEquals(64, ready.frame().image().width());
    }
}
