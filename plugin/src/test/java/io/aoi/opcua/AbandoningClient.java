package io.aoi.opcua;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;

/**
 * A misbehaving client in its own process: opens up to N sessions one after the other and exits without closing
 * any ({@code Runtime.halt}), as a crashed or careless client does. Prints one line
 * {@code OPENED <n> REFUSED <m> STATUS <status name>=<count>,...} before it exits.
 *
 * <p>Arguments: {@code <endpoint url> <sessions> <seconds at most> demo} or
 * {@code <endpoint url> <sessions> <seconds at most> production <client.p12> <user> <password> [<local address>]}
 * (the local address, for example 127.0.0.3, is the client address the server sees).
 * {@link #run} starts it from a test or a benchmark with the caller's class path.
 */
public final class AbandoningClient {
    /** What the child reported. */
    public record Outcome(int opened, int refused, String statuses) {
    }

    private AbandoningClient() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int sessions = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        boolean production = args[3].equals("production");
        TestClients.ClientCert cert = production ? TestClients.ClientCert.load(Paths.get(args[4])) : null;
        InetAddress from = production && args.length > 7 ? InetAddress.getByName(args[7]) : null;
        List<OpcUaClient> held = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int refused = 0;
        for (int i = 0; i < sessions && System.nanoTime() < deadline; i++) {
            try {
                held.add(production ? TestClients.production(url, cert, new UsernameProvider(args[5], args[6]),
                        SecurityPolicy.Basic256Sha256, from) : TestClients.demo(url));
            } catch (UaException e) {
                refused++;
                String name = TestClients.statusName(e);
                statuses.merge(name, 1, Integer::sum);
            }
        }
        StringBuilder s = new StringBuilder();
        statuses.forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=').append(v));
        System.out.println("OPENED " + held.size() + " REFUSED " + refused + " STATUS " + s);
        System.out.flush();
        Runtime.getRuntime().halt(0); // no CloseSession, no goodbye: the sessions stay behind on the server
    }

    /**
     * Runs the client in a child JVM ({@link ChildJvm}) and waits for it (at most {@code seconds} + 60 s).
     *
     * @param extra nothing for the demo profile, or client.p12, user, password and optionally the local address for
     *              production
     */
    public static Outcome run(String url, int sessions, int seconds, String profile, String... extra)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(url, Integer.toString(sessions), Integer.toString(seconds),
                profile));
        args.addAll(List.of(extra));
        String[] f = ChildJvm.run(AbandoningClient.class, seconds + 60L, "OPENED ", args.toArray(String[]::new))
                .split(" ", 6);
        return new Outcome(Integer.parseInt(f[1]), Integer.parseInt(f[3]), f.length > 5 ? f[5] : "");
    }
}
