package io.aoi.opcua.bench;

import io.aoi.cli.CommandLines;
import io.aoi.cli.HelpOption;
import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.PasswordHash;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.UserAccount;
import io.aoi.opcua.AbandoningClient;
import io.aoi.opcua.ChildJvm;
import io.aoi.opcua.GuessingClient;
import io.aoi.opcua.InMemoryRecipeControl;
import io.aoi.opcua.NoResults;
import io.aoi.opcua.ResultQuery;
import io.aoi.opcua.SecurityLog;
import io.aoi.opcua.SecurityOptions;
import io.aoi.opcua.StationIdentity;
import io.aoi.opcua.StationServer;
import io.aoi.opcua.TestClients;
import io.aoi.opcua.VisionControl;
import io.aoi.testing.Pace;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The production server under the two attacks of the security review, on loopback only, with real PBKDF2 hashes
 * (600000 iterations) and the default limits. Clients play different addresses by binding different loopback
 * source addresses: the open session measuring read latency is 127.0.0.2, the password guesser 127.0.0.1, the client
 * that abandons its sessions 127.0.0.3 (its own process), new well-behaved clients 127.0.0.4.
 *
 * <ol>
 * <li>refusal times of an unknown user name and of a known one with a wrong password (own addresses);</li>
 * <li>baseline: the open session reads ServerStatus/CurrentTime every 10 ms for {@code seconds};</li>
 * <li>80 parallel wrong-password logins for user eng (each its own secure channel, from a child process), while the
 * session reads on; the percentiles cover the reads between the moment the guesser fires and its end;</li>
 * <li>a new client (mes, right password) connects from 127.0.0.4, and one from the guesser's address;</li>
 * <li>a child process opens 150 sessions (mes, right password) from 127.0.0.3 and exits without closing them;</li>
 * <li>the session reads for {@code seconds} again, and new clients connect from 127.0.0.4 and from 127.0.0.3.</li>
 * </ol>
 * Prints p50 / p99 / max read latency per phase and each connect's outcome. Every loop is bounded in count and time.
 * Option ({@code --help}): seconds per measuring phase.
 */
@Command(name = "SecurityBenchmark", description = "Measures the production server's security limits under password"
        + " guessing and abandoned sessions.")
public final class SecurityBenchmark implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Option(names = "--seconds", paramLabel = "S", description = "Length of the baseline and the after phase. "
            + "Default: ${DEFAULT-VALUE}.")
    int seconds = 10;

    private static final InetAddress GUESSER = loopback(1);
    private static final InetAddress READER = loopback(2);
    private static final InetAddress ABANDONER = loopback(3);
    private static final InetAddress NEWCOMER = loopback(4);

    private static InetAddress loopback(int last) {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads on one session until stopped; latencies in microseconds. */
    private static final class Reader implements Runnable {
        final OpcUaClient client;
        final List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // {start epoch ms, micros}
        final AtomicBoolean stop = new AtomicBoolean();
        volatile int errors;

        Reader(OpcUaClient client) {
            this.client = client;
        }

        @Override
        public void run() {
            while (!stop.get()) {
                long at = System.currentTimeMillis();
                long t0 = System.nanoTime();
                try {
                    client.readValue(0, TimestampsToReturn.Neither, NodeIds.Server_ServerStatus_CurrentTime);
                    samples.add(new long[] {at, (System.nanoTime() - t0) / 1000});
                } catch (UaException e) {
                    errors++;
                }
                try {
                    Pace.elapse(Duration.ofMillis(10)); // the reader's load: at most 100 reads/s
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        String measure(Runnable during) throws InterruptedException {
            return measure(during, () -> new long[] {0, Long.MAX_VALUE});
        }

        /** Reads while {@code during} runs; percentiles over the reads that started in {@code window}'s interval. */
        String measure(Runnable during, java.util.function.Supplier<long[]> window) throws InterruptedException {
            samples.clear();
            errors = 0;
            stop.set(false);
            Thread t = new Thread(this, "reader");
            t.start();
            during.run();
            stop.set(true);
            t.join(30_000);
            long[] w = window.get();
            List<Long> sorted = new ArrayList<>();
            synchronized (samples) {
                for (long[] sample : samples) {
                    if (sample[0] >= w[0] && sample[0] <= w[1]) {
                        sorted.add(sample[1]);
                    }
                }
            }
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "no reads completed, " + errors + " errors";
            }
            return String.format(Locale.ROOT, "%d reads, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors",
                    sorted.size(), pct(sorted, 50) / 1000.0, pct(sorted, 99) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0, errors);
        }

        private static long pct(List<Long> sorted, int p) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
        }
    }

    /** The measurement window: reads go on for {@code seconds} while nothing else happens. */
    private static void pause(long seconds) {
        try {
            Pace.elapse(Duration.ofSeconds(seconds));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String connect(String url, TestClients.ClientCert cert, String user, String password,
            InetAddress from) {
        long t0 = System.nanoTime();
        try {
            OpcUaClient c = TestClients.production(url, cert, new UsernameProvider(user, password),
                    SecurityPolicy.Basic256Sha256, from);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            c.disconnect();
            return "connected in " + ms + " ms";
        } catch (UaException e) {
            return "refused after " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + TestClients.statusName(e);
        }
    }

    /** Two refused logins (each a Milo connect, which tries the activation twice), in ms. */
    private static String refusalMillis(String url, TestClients.ClientCert cert, String user, InetAddress from) {
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            long t0 = System.nanoTime();
            try {
                TestClients.production(url, cert, new UsernameProvider(user, "wrong-" + i),
                        SecurityPolicy.Basic256Sha256, from).disconnect();
                return "connected (!)";
            } catch (UaException e) {
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        return ms + " ms";
    }

    public static void main(String[] args) {
        System.exit(CommandLines.run(new SecurityBenchmark(), args));
    }

    @Override
    public Integer call() throws Exception {
        CommandLines.requireAtLeast(spec, "--seconds", seconds, 1);
        Path work = Files.createTempDirectory("security-bench");
        Path pki = work.resolve("pki");
        TestClients.ClientCert cert = TestClients.newCert("bench");
        cert.writeDer(pki.resolve("trusted").resolve("certs"), "bench.der");
        Path p12 = work.resolve("client.p12");
        cert.save(p12);
        long h0 = System.nanoTime();
        List<UserAccount> users = List.of(
                new UserAccount("eng", PasswordHash.hashPassword("eng-pw".toCharArray()), Role.ENGINEER),
                new UserAccount("mes", PasswordHash.hashPassword("mes-pw".toCharArray()), Role.MES));
        System.out.printf(Locale.ROOT, "PBKDF2 %d iterations: %.2f s per hash (2 hashed)%n",
                PasswordHash.DEFAULT_ITERATIONS, (System.nanoTime() - h0) / 2e9);
        ResultQuery none = new NoResults();
        InMemoryRecipeControl recipes = new InMemoryRecipeControl("R1", DeblurSettings.DEFAULTS.with(DeblurModel.UDBD, 2)
                .withTiles(256, 16));
        OpcUaSettings settings = new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, users, pki);
        try (SecurityLog log = SecurityLog.open(work.resolve("security"), 30, 1 << 20);
             StationServer server = StationServer.start(settings, new StationIdentity("S1", "J1"), recipes,
                     none, VisionControl.ACCEPT_ALL, SecurityOptions.defaults(log, SecurityProfile.PRODUCTION))) {
            String url = server.endpointUrl();
            OpcUaClient open = TestClients.production(url, cert, new UsernameProvider("mes", "mes-pw"),
                    SecurityPolicy.Basic256Sha256, READER);
            Reader reader = new Reader(open);
            System.out.println("refusal time, unknown user (from 127.0.0.5): "
                    + refusalMillis(url, cert, "nobody", loopback(5)) + "; known user, wrong password (127.0.0.6): "
                    + refusalMillis(url, cert, "eng", loopback(6)));
            System.out.println("baseline (open session " + READER.getHostAddress() + "): "
                    + reader.measure(() -> pause(seconds)));

            String[] attack = new String[1];
            String during = reader.measure(() -> {
                try {
                    attack[0] = ChildJvm.run(GuessingClient.class, 240, "START ", url, "80", "180", p12.toString(),
                            "eng", GUESSER.getHostAddress());
                } catch (Exception e) {
                    attack[0] = "guessing client failed: " + e;
                }
            }, () -> {
                String[] f = attack[0].split(" ");
                return f[0].equals("START") ? new long[] {Long.parseLong(f[1]), Long.parseLong(f[3])}
                        : new long[] {0, Long.MAX_VALUE};
            });
            System.out.println("during 80 parallel bad logins from " + GUESSER.getHostAddress()
                    + " (reads between the guesser's START and END): " + during);
            System.out.println("  guessing client: " + attack[0]);
            System.out.println("  password checks: " + countLines(log, "login-failed") + " login-failed, "
                    + countLines(log, "login-throttled") + " login-throttled lines in the security log");
            System.out.println("new client (mes) from " + NEWCOMER.getHostAddress() + ": "
                    + connect(url, cert, "mes", "mes-pw", NEWCOMER));
            System.out.println("new client (mes) from the guesser's " + GUESSER.getHostAddress() + ": "
                    + connect(url, cert, "mes", "mes-pw", GUESSER));

            long a0 = System.nanoTime();
            AbandoningClient.Outcome abandoned = AbandoningClient.run(url, 150, 240, "production", p12.toString(),
                    "mes", "mes-pw", ABANDONER.getHostAddress());
            System.out.printf(Locale.ROOT, "abandoning client at %s: %s in %.1f s, then exited without closing%n",
                    ABANDONER.getHostAddress(), abandoned, (System.nanoTime() - a0) / 1e9);
            System.out.println("after 150 abandoned sessions: " + reader.measure(() -> pause(seconds)));
            System.out.println("new client (mes) from " + NEWCOMER.getHostAddress() + ": "
                    + connect(url, cert, "mes", "mes-pw", NEWCOMER));
            System.out.println("new client (mes) from the abandoner's " + ABANDONER.getHostAddress() + ": "
                    + connect(url, cert, "mes", "mes-pw", ABANDONER));
            System.out.println("  " + countLines(log, "session-refused") + " session-refused, "
                    + countLines(log, "session-evicted") + " session-evicted lines in the security log");
            open.disconnect();
        }
        return 0;
    }

    private static long countLines(SecurityLog log, String event) throws Exception {
        long n = 0;
        for (Path f : log.dayFiles()) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.contains("\"event\":\"" + event + "\"")) {
                    n++;
                }
            }
        }
        return n;
    }
}
