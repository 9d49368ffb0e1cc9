package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigLoader;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.plugin.pipeline.QueueDepths;
import io.aoi.plugin.runtime.TruthScore;
import io.aoi.station.Station;
import io.aoi.station.StationOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run --station FILE [--frames N]}: runs a station until interrupted, or with {@code --frames} until N
 * frames have entered and left, then prints a summary. Ctrl-C or SIGTERM stops it within a few seconds following
 * the pipeline's drain policy (queued frames are recorded as dropped) and prints the same summary. Progress goes
 * to the terminal every half second (every 5 s when output is not a terminal). With the simulated camera,
 * progress and summary show how many bump and frame verdicts agree with the simulator's truth. A client of the
 * embedding API ({@link Station}).
 */
@Command(name = "run", description = "Runs a station until Ctrl-C, or with --frames until N frames have entered "
        + "and left, then prints a summary.")
final class RunCommand implements Callable<Integer> {
    private final Streams io;

    @Mixin
    HelpOption help;

    @Option(names = "--station", paramLabel = "FILE", required = true, description = "The station file.")
    Path stationFile;

    @Option(names = "--frames", paramLabel = "N",
            description = "Stop after N frames; 0 runs until interrupted. Default: ${DEFAULT-VALUE}.")
    int frames = 0;

    RunCommand(Streams io) {
        this.io = io;
    }

    @Override
    public Integer call() throws Exception {
        StationConfig station = StationConfigLoader.load(stationFile, Deblurrers.names());
        int frames = UsageException.inRange("--frames", this.frames, 0, Integer.MAX_VALUE);
        PrintStream out = io.out();
        Station runtime = Station.open(station, StationOptions.defaults().withFrameLimit(frames));
        AtomicBoolean closed = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            if (closed.compareAndSet(false, true)) {
                runtime.close();
                out.println(System.lineSeparator() + "stopped: " + summary(runtime) + "; results journal "
                        + station.outputs().journalDir());
                out.flush();
            }
        }, "station-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.printf("station %s running, job %s%nOPC UA endpoint: %s%n", station.stationId(), runtime.jobId(),
                runtime.opcUaEndpoint().orElse("(none)"));
        if (!runtime.recovered().isEmpty()) {
            out.printf("recovered %d frame(s) a previous run left without a result: recorded as INTERRUPTED%n",
                    runtime.recovered().size());
        }
        boolean terminal = System.console() != null;
        Duration period = Duration.ofMillis(terminal ? 500 : 5000);
        while (!runtime.awaitFinished(period)) {
            out.print((terminal ? "\r" : "") + progress(runtime) + (terminal ? "" : System.lineSeparator()));
            out.flush();
        }
        if (closed.compareAndSet(false, true)) {
            runtime.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already stopping (SIGTERM at the moment the run ended): the summary still follows
            }
            out.println((terminal ? "\r" : "") + progress(runtime));
            out.println(summary(runtime) + "; results journal " + station.outputs().journalDir());
        }
        return runtime.failure().isEmpty() ? 0 : 1;
    }

    private static String progress(Station runtime) {
        PipelineCounters c = runtime.counters();
        QueueDepths q = runtime.queueDepths();
        return String.format(Locale.ROOT, "frames %d | OK %d NG %d no decision %d failed %d dropped %d | "
                        + "%.2f frames/s | queues deblur %d detect %d record %d | source %s%s   ",
                c.framesIn(), c.ok(), c.ng(), c.noDecision(), c.failed(), c.dropped(), c.resultsPerSecond(),
                q.deblur(), q.detect(), q.record(), runtime.sourceState().text(),
                runtime.truthAccuracy().map(t -> " | truth " + t.describe()).orElse(""));
    }

    private static String summary(Station runtime) {
        PipelineCounters c = runtime.counters();
        return String.format(Locale.ROOT, "summary: %d frames in, %d results (%d OK, %d NG, %d no decision, "
                        + "%d failed, %d dropped); %d interrupted frame(s) of an earlier run recorded at start; "
                        + "mean deblur %.0f ms, detect %.0f ms, frame-to-result %.0f ms",
                c.framesIn(), c.results(), c.ok(), c.ng(), c.noDecision(), c.failed(), c.dropped(),
                runtime.recovered().size(), c.deblurMillisMean(), c.detectMillisMean(), c.totalMillisMean())
                + runtime.truthAccuracy().map(TruthScore::describe)
                        .map(t -> "; verdicts against the simulator's truth: " + t).orElse("");
    }
}
