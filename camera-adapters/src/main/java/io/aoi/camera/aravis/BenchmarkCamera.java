package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.config.AravisCameraSettings;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Camera set-up shared by the benchmark commands: either a camera named with {@code --camera}, or (default) the
 * simulated GigE Vision camera started as a child process on 127.0.0.1.
 */
final class BenchmarkCamera implements AutoCloseable {
    /** The option names this class reads. */
    static final Set<String> OPTIONS = Set.of("camera", "width", "lines", "line-rate", "format", "buffers",
            "packet-size");

    private final FakeGigECamera child;
    final AravisCameraSettings settings;

    private BenchmarkCamera(FakeGigECamera child, AravisCameraSettings settings) {
        this.child = child;
        this.settings = settings;
    }

    static BenchmarkCamera from(MainArgs args) throws IOException {
        String cameraId = args.text("camera", "");
        FakeGigECamera child = null;
        if (cameraId.isEmpty()) {
            File log = File.createTempFile("fake-gv-camera", ".log");
            log.deleteOnExit();
            child = FakeGigECamera.start("BENCH1", log);
            cameraId = FakeGigECamera.ADDRESS;
        }
        int lines = args.integer("lines", 64);
        AravisCameraSettings settings = new AravisCameraSettings(Optional.of(cameraId), args.integer("width", 2048),
                0, lines, args.number("line-rate", lines * 1000.0), 0, -1, args.text("format", "Mono8"), List.of(),
                args.integer("packet-size", 0), false, args.integer("buffers", 32), Duration.ofMillis(500),
                Duration.ofSeconds(2));
        return new BenchmarkCamera(child, settings);
    }

    /** Opens the source, retrying for a few seconds while a freshly started child camera comes up. */
    AravisLineSource open() throws CameraException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return AravisLineSource.open(settings);
            } catch (CameraException e) {
                if (child == null || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    @Override
    public void close() {
        if (child != null) {
            child.close();
        }
    }
}
