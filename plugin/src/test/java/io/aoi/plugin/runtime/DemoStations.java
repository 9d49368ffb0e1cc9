package io.aoi.plugin.runtime;

import io.aoi.config.DeblurModel;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.OutputSettings;
import io.aoi.config.SimulatedCameraSettings;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigLoader;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The shipped demo station, moved to a free loopback port and a temporary folder for tests, with the simulated
 * camera running at 2000 lines/s (about five frames a second) so that tests do not wait for the demo's pace.
 */
public final class DemoStations {
    private DemoStations() {
    }

    public static StationConfig demo(Path tmp, DeblurModel model, int iterations) throws Exception {
        StationConfig c = StationConfigLoader.load(Path.of("..", "station-config", "examples", "demo-line.yaml"));
        OpcUaSettings o = c.opcua();
        SimulatedCameraSettings cam = (SimulatedCameraSettings) c.camera();
        SimulatedCameraSettings faster = cam.withLineRateHz(2000);
        return new StationConfig(c.stationId(), faster, c.assembly(), c.deblur().with(model, iterations),
                c.detector(),
                new OpcUaSettings("127.0.0.1", 0, o.profile(), o.users(), tmp.resolve("pki")),
                new OutputSettings(tmp.resolve("journal"), 30, 64L << 20, Optional.empty()));
    }
}
