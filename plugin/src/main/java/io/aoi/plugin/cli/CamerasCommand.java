package io.aoi.plugin.cli;

import io.aoi.camera.CameraException;
import io.aoi.camera.aravis.AravisCameras;
import io.aoi.camera.aravis.CameraInfo;
import io.aoi.cli.HelpOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cameras [--fake]}: lists the GenICam cameras Aravis can see (GigE Vision and USB3 Vision), with the id to
 * put in a station file's {@code camera.cameraId}. {@code --fake} also enables Aravis's in-process fake camera.
 */
@Command(name = "cameras", description = "Lists the GenICam cameras Aravis can see, with the id for a station "
        + "file's camera.cameraId.")
final class CamerasCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    HelpOption help;

    @Option(names = "--fake", description = "Also enable Aravis's in-process fake camera.")
    boolean fake;

    CamerasCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws CameraException {
        if (fake) {
            AravisCameras.enableFakeCamera();
        }
        List<CameraInfo> cameras = AravisCameras.list();
        if (cameras.isEmpty()) {
            io.out().println("no camera found");
            return 0;
        }
        io.out().printf("%-32s %-12s %-20s %-16s %-16s %s%n", "id", "protocol", "model", "serial", "address",
                "vendor");
        for (CameraInfo c : cameras) {
            io.out().printf("%-32s %-12s %-20s %-16s %-16s %s%n", c.id(), c.protocol(), c.model(), c.serial(),
                    c.address(), c.vendor());
        }
        return 0;
    }
}
