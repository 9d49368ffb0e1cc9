package io.aoi.plugin.runtime;

import io.aoi.camera.FrameSource;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link StationRuntime} starts, beyond its station file. {@link #defaults()} is what {@code run} does: the
 * station's own frame source, no frame limit, the OPC UA server on.
 *
 * @param maxFrames   stop taking frames after this many (0 = until closed or the source ends)
 * @param opcUaServer whether the station serves OPC UA (off: results go to the journal and the runtime's sinks only)
 * @param hostSource  frames the host hands in instead of the station's configured source; owned by the runtime
 *                    once started (closed with it, also when the start fails). Its frames are independent images:
 *                    no overlap rows, no simulator truth
 */
public record RuntimeOptions(long maxFrames, boolean opcUaServer, Optional<FrameSource> hostSource) {
    public RuntimeOptions {
        if (maxFrames < 0) {
            throw new IllegalArgumentException("maxFrames = " + maxFrames + "; allowed: 0 (no limit) or more");
        }
        Objects.requireNonNull(hostSource, "hostSource");
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(0, true, Optional.empty());
    }

    public RuntimeOptions withMaxFrames(long n) {
        return new RuntimeOptions(n, opcUaServer, hostSource);
    }

    public RuntimeOptions withOpcUaServer(boolean on) {
        return new RuntimeOptions(maxFrames, on, hostSource);
    }

    public RuntimeOptions withHostSource(FrameSource source) {
        return new RuntimeOptions(maxFrames, opcUaServer, Optional.of(source));
    }
}
