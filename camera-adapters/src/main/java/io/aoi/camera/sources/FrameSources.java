package io.aoi.camera.sources;

import io.aoi.camera.CameraException;
import io.aoi.camera.FrameSource;
import io.aoi.camera.aravis.AravisLineSource;
import io.aoi.camera.assembly.StripFrameSource;
import io.aoi.camera.folder.ImageFolderSource;
import io.aoi.camera.sim.SimulatedLineCamera;
import io.aoi.config.AravisCameraSettings;
import io.aoi.config.CameraSettings;
import io.aoi.config.FrameAssemblySettings;
import io.aoi.config.ImageFolderSettings;
import io.aoi.config.SimulatedCameraSettings;

/** Opens the frame source a station's camera settings describe. */
public final class FrameSources {
    private FrameSources() {
    }

    /**
     * Builds the source, not yet started: a simulated camera is cut into strips of
     * {@code assembly.linesPerStrip()} lines and assembled into frames; a GenICam camera is opened and
     * configured through Aravis now, delivers strips of its own {@code linesPerBuffer} lines, and is assembled
     * into frames; an image folder delivers its files as they are (assembly settings do not apply to it).
     *
     * @throws CameraException when the source cannot be opened (for Aravis: library missing, camera not found,
     *                         a setting refused; the message names the camera and the setting)
     */
    public static FrameSource open(CameraSettings camera, FrameAssemblySettings assembly) throws CameraException {
        if (camera instanceof SimulatedCameraSettings simulated) {
            return new StripFrameSource(new SimulatedLineCamera(simulated, assembly.linesPerStrip()), assembly);
        }
        if (camera instanceof ImageFolderSettings folder) {
            return new ImageFolderSource(folder);
        }
        if (camera instanceof AravisCameraSettings aravis) {
            return new StripFrameSource(AravisLineSource.open(aravis), assembly);
        }
        throw new CameraException("unknown camera settings " + camera.getClass().getName()
                + "; available: simulated, folder, aravis");
    }
}
