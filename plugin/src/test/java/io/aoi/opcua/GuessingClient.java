package io.aoi.opcua;

import java.net.InetAddress;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;

/**
 * A password guesser in its own process: N parallel logins with wrong passwords for one user name, each on its own
 * secure channel, from a given local address, fired together once every login thread waits at the start gate.
 * Prints {@code START <epoch ms> END <epoch ms> OUTCOMES <status>=<count>,...} and exits.
 * Arguments: {@code <endpoint url> <parallel logins> <seconds at most> <client.p12> <user> <local address>}.
 */
public final class GuessingClient {
    private GuessingClient() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int parallel = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        TestClients.ClientCert cert = TestClients.ClientCert.load(Paths.get(args[3]));
        String user = args[4];
        InetAddress from = InetAddress.getByName(args[5]);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        CountDownLatch ready = new CountDownLatch(parallel);
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(parallel);
        for (int i = 0; i < parallel; i++) {
            int n = i;
            pool.execute(() -> {
                try {
                    ready.countDown();
                    start.await();
                    TestClients.production(url, cert, new UsernameProvider(user, "guess-" + n),
                            SecurityPolicy.Basic256Sha256, from).disconnect();
                    outcomes.merge("connected", 1, Integer::sum);
                } catch (UaException e) {
                    outcomes.merge(TestClients.statusName(e), 1, Integer::sum);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
        }
        if (!ready.await(seconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (parallel - ready.getCount()) + " of " + parallel
                    + " login threads reached the start gate within " + seconds + " s");
        }
        long startMs = System.currentTimeMillis();
        start.countDown();
        boolean all = done.await(seconds, TimeUnit.SECONDS);
        long endMs = System.currentTimeMillis();
        StringBuilder s = new StringBuilder();
        new TreeMap<>(outcomes).forEach((k, v) -> s.append(s.length() == 0 ? "" : ",").append(k).append('=')
                .append(v));
        System.out.println("START " + startMs + " END " + endMs + " OUTCOMES " + s
                + (all ? "" : ",unfinished=" + done.getCount()));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
