package io.aoi.camera.aravis;

import io.aoi.camera.CameraException;
import io.aoi.config.AravisCameraSettings;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * Camera set-up shared by the benchmark commands: either a camera named with {@code --camera}, or (default) the
 * simulated GigE Vision camera started as a child process on 127.0.0.1.
 */
final class BenchmarkCamera implements AutoCloseable {
    private final FakeGigECamera child;
    final AravisCameraSettings settings;

    private BenchmarkCamera(FakeGigECamera child, AravisCameraSettings settings) {
        this.child = child;
        this.settings = settings;
    }

    /** The camera options of the benchmark tools (a picocli mixin). */
    static final class Options {
        @Option(names = "--camera", paramLabel = "ID", description = "A camera id, serial or IP address. Default: "
                + "the simulated GigE Vision camera started on 127.0.0.1.")
        String camera = "";

        @Option(names = "--width", paramLabel = "PX", description = "Line width. Default: ${DEFAULT-VALUE}.")
        int widthPx;

        @Option(names = "--lines", paramLabel = "N", description = "Lines per strip. Default: ${DEFAULT-VALUE}.")
        int lines;

        @Option(names = "--line-rate", paramLabel = "HZ", description = "Line rate. Default: lines x 1000.")
        Double lineRateHz;

        @Option(names = "--format", paramLabel = "NAME", description = "GenICam pixel format. Default: ${DEFAULT-VALUE}.")
        String format = "Mono8";

        @Option(names = "--buffers", paramLabel = "N", description = "Stream buffers. Default: ${DEFAULT-VALUE}.")
        int buffers = 32;

        @Option(names = "--packet-size", paramLabel = "BYTES", description = "GigE Vision packet size, 0 for the "
                + "camera's. Default: ${DEFAULT-VALUE}.")
        int packetSizeBytes = 0;

        /** Options with this default geometry. */
        Options(int widthPx, int lines) {
            this.widthPx = widthPx;
            this.lines = lines;
        }
    }

    static BenchmarkCamera from(Options args) throws IOException {
        String cameraId = args.camera;
        FakeGigECamera child = null;
        if (cameraId.isEmpty()) {
            File log = File.createTempFile("fake-gv-camera", ".log");
            log.deleteOnExit();
            child = FakeGigECamera.start("BENCH1", log);
            cameraId = FakeGigECamera.ADDRESS;
        }
        int lines = args.lines;
        AravisCameraSettings settings = AravisCameraSettings.DEFAULTS.withCameraId(cameraId).withWidthPx(args.widthPx)
                .withLinesPerBuffer(lines).withLineRateHz(args.lineRateHz != null ? args.lineRateHz : lines * 1000.0)
                .withPixelFormat(args.format).withPacketSizeBytes(args.packetSizeBytes).withPacketSocket(false)
                .withBufferCount(args.buffers).withGrabTimeout(Duration.ofMillis(500))
                .withReconnectBackoffMax(Duration.ofSeconds(2));
        return new BenchmarkCamera(child, settings);
    }

    /** Opens the source; a freshly started child camera gets a few seconds to come up ({@link FakeCameraUp}). */
    AravisLineSource open() throws CameraException {
        if (child == null) {
            return AravisLineSource.open(settings);
        }
        return FakeCameraUp.open("the benchmark's source", () -> AravisLineSource.open(settings),
                Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        if (child != null) {
            child.close();
        }
    }
}
