package io.aoi.plugin.cli;

import io.aoi.camera.CameraException;
import io.aoi.camera.aravis.AravisCameras;
import io.aoi.camera.aravis.CameraInfo;
import java.util.List;
import java.util.Set;

/**
 * {@code cameras [--fake]}: lists the GenICam cameras Aravis can see (GigE Vision and USB3 Vision), with the id to
 * put in a station file's {@code camera.cameraId}. {@code --fake} also enables Aravis's in-process fake camera.
 */
final class CamerasCommand implements Command {

    @Override
    public String name() {
        return "cameras";
    }

    @Override
    public String synopsis() {
        return "cameras [--fake]";
    }

    @Override
    public Set<String> flags() {
        return Set.of("fake");
    }

    @Override
    public int run(Args args) throws UsageException, CameraException {
        boolean fake = args.flag("fake");
        args.requireAllUsed();
        if (fake) {
            AravisCameras.enableFakeCamera();
        }
        List<CameraInfo> cameras = AravisCameras.list();
        if (cameras.isEmpty()) {
            System.out.println("no camera found");
            return 0;
        }
        System.out.printf("%-32s %-12s %-20s %-16s %-16s %s%n", "id", "protocol", "model", "serial", "address",
                "vendor");
        for (CameraInfo c : cameras) {
            System.out.printf("%-32s %-12s %-20s %-16s %-16s %s%n", c.id(), c.protocol(), c.model(), c.serial(),
                    c.address(), c.vendor());
        }
        return 0;
    }
}
