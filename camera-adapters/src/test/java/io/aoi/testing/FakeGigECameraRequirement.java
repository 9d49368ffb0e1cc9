package io.aoi.testing;

import io.aoi.camera.aravis.FakeGigECamera;
import java.util.Optional;

/**
 * Aravis and its simulated GigE Vision camera program (Debian {@code libaravis-0.8-0} and {@code aravis-tools}).
 * Tests with it bind 127.0.0.1:3956, so two of them must not run at once on one host.
 */
public final class FakeGigECameraRequirement implements Requirement {
    @Override
    public String tag() {
        return "aravis";
    }

    @Override
    public String what() {
        return "Aravis's fake GigE camera";
    }

    @Override
    public Optional<String> missing() {
        Optional<String> library = new AravisRequirement().missing();
        if (library.isPresent()) {
            return library;
        }
        if (!Requirement.onPath(FakeGigECamera.EXECUTABLE)) {
            return Optional.of(FakeGigECamera.EXECUTABLE + " is not on PATH (install the Debian package "
                    + "aravis-tools: apt-get install -y aravis-tools)");
        }
        return Optional.empty();
    }
}
