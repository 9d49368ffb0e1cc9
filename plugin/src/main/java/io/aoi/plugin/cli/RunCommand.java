package io.aoi.plugin.cli;

import io.aoi.cli.HelpOption;
import io.aoi.config.StationConfig;
import io.aoi.config.StationConfigLoader;
import io.aoi.plugin.deblur.Deblurrers;
import io.aoi.plugin.pipeline.PipelineCounters;
import io.aoi.plugin.pipeline.QueueDepths;
import io.aoi.plugin.runtime.StationException;
import io.aoi.plugin.runtime.TruthScore;
import io.aoi.station.Station;
import io.aoi.station.StationOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code run --station FILE [--frames N]}: runs a station until interrupted, or with {@code --frames} until N
 * frames have entered and left, then prints a summary. Ctrl-C or SIGTERM stops it within a few seconds following
 * the pipeline's drain policy (queued frames are recorded as dropped) and prints the same summary; a stop while the
 * station starts lets the start finish (up to {@link #OPEN_WAIT}) and then stops it the same way. Progress goes
 * to the terminal every half second (every 5 s when output is not a terminal). With the simulated camera,
 * progress and summary show how many bump and frame verdicts agree with the simulator's truth. A client of the
 * embedding API ({@link Station}).
 */
@Command(name = "run", description = "Runs a station until Ctrl-C, or with --frames until N frames have entered "
        + "and left, then prints a summary.")
final class RunCommand implements Callable<Integer> {
    /** How long a stop during start-up waits for the station to finish opening before the JVM ends without it. */
    static final Duration OPEN_WAIT = Duration.ofSeconds(30);

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
        AtomicBoolean closed = new AtomicBoolean();
        // the hook exists before the station does: a stop while it opens (journal, models, OPC UA) waits for the
        // open to finish and then closes it in order, with the summary
        AtomicReference<Station> opened = new AtomicReference<>();
        CountDownLatch openEnded = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread hook = new Thread(() -> {
            stopping.set(true);
            Station s = awaitOpened(openEnded, opened);
            if (s != null && closed.compareAndSet(false, true)) {
                s.close();
                out.println(System.lineSeparator() + "stopped: " + summary(s) + "; results journal "
                        + station.outputs().journalDir());
                out.flush();
            }
        }, "station-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Station runtime;
        try {
            runtime = Station.open(station, StationOptions.defaults().withFrameLimit(frames));
            opened.set(runtime);
        } catch (StationException e) {
            if (!stopping.get()) {
                throw e;
            }
            // the JVM's stop ran beside the start (it removes extracted native libraries, for one)
            io.err().println("stopped while the station was starting, which then failed: " + e.getMessage());
            return 1;
        } finally {
            openEnded.countDown();
        }
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

    /**
     * The station once its open has ended, waiting {@link #OPEN_WAIT} at most; null when the open failed or is still
     * running (the JVM then ends without closing it, and the next start records its admitted frames as
     * interrupted).
     */
    private static Station awaitOpened(CountDownLatch openEnded, AtomicReference<Station> opened) {
        try {
            return openEnded.await(OPEN_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? opened.get() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
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
