import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigLoader;
import io.aoi.station.Station;
import io.aoi.station.StationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A host that embeds the demo station without its OPC UA server, prints the verdict of 3 frames and closes. */
public class PrintVerdicts {
    public static void main(String[] args) throws Exception {
        StationConfig demo = StationConfigLoader.load(Path.of("station-config/examples/demo-line.yaml"));
        // a journal of its own, so that it runs beside the demo station
        StationConfig config = demo.withOutputs(demo.outputs().withJournalDir(Files.createTempDirectory("aoi-host")));
        try (Station station = Station.open(config, StationOptions.defaults().withOpcUaServer(false).withFrameLimit(3))) {
            station.addResultListener(r -> System.out.println("frame " + r.frameId() + ": " + r.verdict() + ", "
                    + r.particleCount() + " particles in " + r.bumps().size() + " bumps " + r.reason()));
            station.awaitFinished(Duration.ofMinutes(5));
            System.out.println(station.counters().results() + " results, job " + station.jobId());
        }
    }
}
