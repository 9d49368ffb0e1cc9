package io.aoi.opcua;

/**
 * How many sessions the server holds and for how long an idle one lives (see {@link SessionGuard}).
 *
 * @param maxSessions              sessions server-wide (Milo's {@code MaxSessions})
 * @param maxSessionsPerClient     sessions one client IP address may hold; at the limit, sessions of that address whose
 *                                 connection is gone are closed first, then CreateSession is refused with
 *                                 Bad_TooManySessions
 * @param maxSessionTimeoutMillis  the longest session timeout a client may ask for (Milo's {@code MaxSessionTimeout}):
 *                                 a session without requests for this long is closed
 * @param maxConnectionsPerClient  TCP connections one client IP address may hold at once ({@link ConnectionLimiter});
 *                                 at least {@code maxSessionsPerClient}
 */
public record SessionLimits(int maxSessions, int maxSessionsPerClient, long maxSessionTimeoutMillis,
        int maxConnectionsPerClient) {
    /**
     * 100 sessions, 10 per client address, 60 s idle timeout (Milo's defaults are 100 sessions, no per-client limit
     * and 2 minutes), 16 connections per address (the sessions plus discovery connections). Milo clients keep their
     * sessions alive every 5 s, node-opcua clients with subscriptions by publishing.
     */
    public static final SessionLimits DEFAULTS = new SessionLimits(100, 10, 60_000, 16);
    /**
     * The demo profile listens on loopback only, where every client has the same address: the per-client limit is
     * the server's.
     */
    public static final SessionLimits DEMO_DEFAULTS = new SessionLimits(100, 100, 60_000, 200);

    public SessionLimits {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions = " + maxSessions + "; allowed: 1 or more");
        }
        if (maxSessionsPerClient < 1 || maxSessionsPerClient > maxSessions) {
            throw new IllegalArgumentException("maxSessionsPerClient = " + maxSessionsPerClient
                    + "; allowed: 1 to maxSessions (" + maxSessions + ")");
        }
        if (maxSessionTimeoutMillis < 5_000) {
            throw new IllegalArgumentException("maxSessionTimeoutMillis = " + maxSessionTimeoutMillis
                    + "; allowed: 5000 or more (OPC UA clients need a few keep-alive intervals)");
        }
        if (maxConnectionsPerClient < maxSessionsPerClient) {
            throw new IllegalArgumentException("maxConnectionsPerClient = " + maxConnectionsPerClient
                    + "; allowed: at least maxSessionsPerClient (" + maxSessionsPerClient + ")");
        }
    }

    /** The same limits with other per-client maxima. */
    public SessionLimits withPerClient(int sessions, int connections) {
        return new SessionLimits(maxSessions, sessions, maxSessionTimeoutMillis, connections);
    }
}
