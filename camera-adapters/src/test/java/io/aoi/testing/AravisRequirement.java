package io.aoi.testing;

import io.aoi.camera.CameraException;
import io.aoi.camera.aravis.AravisCameras;
import java.util.Optional;

/** The Aravis 0.8 library (Debian {@code libaravis-0.8-0}): enough for Aravis's in-process camera {@code Fake_1}. */
public final class AravisRequirement implements Requirement {
    @Override
    public String tag() {
        return "aravis";
    }

    @Override
    public String what() {
        return "the Aravis library";
    }

    @Override
    public Optional<String> missing() {
        try {
            AravisCameras.loadLibrary();
            return Optional.empty();
        } catch (CameraException e) {
            return Optional.of(e.getMessage());
        }
    }
}
