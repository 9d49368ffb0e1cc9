package io.aoi.opcua.bench;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.SecurityProfile;
import io.aoi.opcua.InMemoryRecipeControl;
import io.aoi.opcua.NoResults;
import io.aoi.opcua.ResultQuery;
import io.aoi.opcua.StationIdentity;
import io.aoi.opcua.StationServer;
import io.aoi.opcua.TestClients;
import io.aoi.results.SampleResults;
import io.aoi.testing.Pace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Publishes results to N subscribed Milo clients on loopback (demo profile) as fast as they keep up, for S seconds,
 * and prints per-client counts, results/s and the latency from {@code accept()} to the event's arrival at a client.
 * Options ({@code --help}): clients, seconds, publishing interval and window.
 * The producer keeps at most {@code window} results ahead of the slowest client (back-pressure), so "as fast as
 * sustainable" means no queue overflows; a small window trades throughput for latency. Latency uses the event's Time
 * field (set by accept()) and the client's clock (same host).
 */
@Command(name = "OpcUaBenchmark", description = "Publishes results to subscribed Milo clients on loopback and prints"
        + " results/s, events/s and latency.")
public final class OpcUaBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--clients", paramLabel = "N", description = "Subscribed clients. Default: ${DEFAULT-VALUE}.")
    int clients = 20;

    @Option(names = "--seconds", paramLabel = "S", description = "Publishing time. Default: ${DEFAULT-VALUE}.")
    int seconds = 10;

    @Option(names = "--interval-ms", paramLabel = "MS", description = "The clients' publishing interval. Default: "
            + "${DEFAULT-VALUE}.")
    double intervalMs = 10;

    @Option(names = "--window", paramLabel = "N", description = "Results the producer keeps ahead of the slowest "
            + "client (back-pressure). Default: ${DEFAULT-VALUE}.")
    int window = 200;

    private static final class Receiver {
        final AtomicLong received = new AtomicLong();
        final AtomicLong duplicates = new AtomicLong();
        final List<Long> latencyMicros = new ArrayList<>();
        final Set<String> ids = ConcurrentHashMap.newKeySet();
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new OpcUaBenchmark(), args));
    }

    @Override
    public Integer call() throws Exception {
        CommandLines.requireAtLeast(spec, "--clients", clients, 1);
        CommandLines.requireAtLeast(spec, "--seconds", seconds, 1);
        CommandLines.require(spec, intervalMs > 0,
                "--interval-ms " + intervalMs + " is out of range; allowed: above 0");
        CommandLines.requireAtLeast(spec, "--window", window, 1);
        Path pki = Files.createTempDirectory("bench-pki");
        ResultQuery none = new NoResults();
        InMemoryRecipeControl recipes = new InMemoryRecipeControl("R1", DeblurSettings.DEFAULTS.with(DeblurModel.UDBD, 2)
                .withTiles(256, 16));
        try (StationServer server = StationServer.start(
                new OpcUaSettings("127.0.0.1", 0, SecurityProfile.DEMO, List.of(), pki),
                new StationIdentity("S1", "J1"), recipes, none)) {
            List<OpcUaClient> conns = new ArrayList<>();
            List<Receiver> receivers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                OpcUaClient client = TestClients.demo(server.endpointUrl());
                Receiver r = new Receiver();
                OpcUaSubscription sub = new OpcUaSubscription(client);
                sub.setPublishingInterval(intervalMs);
                sub.create();
                OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(NodeIds.Server,
                        TestClients.resultReadyFilter(client));
                item.setQueueSize(Unsigned.uint(window * 2));
                item.setEventValueListener((i, v) -> {
                    Instant nowInstant = Instant.now();
                    long now = nowInstant.getEpochSecond() * 1_000_000 + nowInstant.getNano() / 1000;
                    Instant sent = ((DateTime) v[1].value()).getJavaInstant();
                    long lat = now - (sent.getEpochSecond() * 1_000_000 + sent.getNano() / 1000);
                    String resultId;
                    try {
                        resultId = TestClients.idOf(client, v[8].value());
                    } catch (UaException e) {
                        throw new IllegalStateException("ResultId does not decode", e);
                    }
                    if (!r.ids.add(resultId)) {
                        r.duplicates.incrementAndGet(); // client-side redelivery after a republish
                        return;
                    }
                    synchronized (r) {
                        r.latencyMicros.add(lat);
                    }
                    r.received.incrementAndGet();
                });
                sub.addMonitoredItem(item);
                sub.synchronizeMonitoredItems();
                conns.add(client);
                receivers.add(r);
            }
            // warm-up, not a wait for a state: the clients' first publish requests are in before the clock starts
            Pace.elapse(Duration.ofMillis(500));
            long published = 0;
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end) {
                long sent = published;
                if (sent - slowest(receivers) >= window && !awaitQuietly("the slowest client within the window",
                        Duration.ofNanos(Math.max(1, end - System.nanoTime())),
                        () -> sent - slowest(receivers) < window, Duration.ofMillis(1))) {
                    break;
                }
                published++;
                server.accept(SampleResults.result(published, t0.plusMillis(published)));
            }
            double publishSeconds = (System.nanoTime() - start) / 1e9;
            final long total = published;
            // a client that misses results shows as loss in the report below, not as an exception here
            awaitQuietly("every client received all " + total + " results", Duration.ofSeconds(30),
                    () -> slowest(receivers) >= total, Duration.ofMillis(10));
            double drainSeconds = (System.nanoTime() - start) / 1e9;
            List<Long> all = new ArrayList<>();
            boolean lossless = true;
            for (int c = 0; c < clients; c++) {
                Receiver r = receivers.get(c);
                boolean ok = r.received.get() == total;
                lossless &= ok;
                System.out.printf("client %2d: received %d of %d distinct results (%d duplicate deliveries) %s%n", c,
                        r.received.get(), total, r.duplicates.get(), ok ? "OK" : "LOSS");
                synchronized (r) {
                    all.addAll(r.latencyMicros);
                }
            }
            long[] lat = all.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(lat);
            System.out.printf("clients=%d publishingIntervalMs=%.0f window=%d published=%d in %.1f s "
                    + "(all delivered after %.1f s)%n", clients, intervalMs, window, total, publishSeconds,
                    drainSeconds);
            System.out.printf("results/s=%.0f events delivered/s=%.0f eventsDroppedByServer=%d%n",
                    total / drainSeconds, total * clients / drainSeconds, server.eventsDropped());
            System.out.printf("latency accept->client: p50=%.1f ms p99=%.1f ms max=%.1f ms%n",
                    pct(lat, 0.50) / 1000.0, pct(lat, 0.99) / 1000.0,
                    lat.length == 0 ? 0 : lat[lat.length - 1] / 1000.0);
            System.out.println(lossless ? "NO LOSS: received == published for every client"
                    : "LOSS: some client received fewer events than published");
            for (OpcUaClient c : conns) {
                c.disconnect();
            }
        }
        return 0;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    private static long slowest(List<Receiver> receivers) {
        return receivers.stream().mapToLong(x -> x.received.get()).min().orElse(0);
    }

    /** Waits for {@code condition}, polling on this thread; false when {@code atMost} passed without it. */
    private static boolean awaitQuietly(String what, Duration atMost, Callable<Boolean> condition,
            Duration pollInterval) {
        try {
            Awaitility.await(what).atMost(atMost).pollInSameThread().pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval).until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
