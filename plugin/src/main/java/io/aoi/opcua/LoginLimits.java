package io.aoi.opcua;

/**
 * How the server throttles user-name logins (see {@link LoginThrottle}). Each password check costs a PBKDF2
 * derivation (about 0.5-1 s of one core at the default 600000 iterations), so checks are bounded, and a user name or
 * client address that keeps failing has to wait.
 *
 * @param maxConcurrentChecks        password checks running at once, server-wide; a login waits for a free one
 * @param maxConcurrentChecksPerClient password checks one client address may have running at once; more are refused
 *                                   at once, without a check
 * @param queueTimeoutMillis         how long a login waits for a free check before it is refused
 * @param freeFailures               consecutive failures of a user name or address before the back-off starts
 * @param firstBackoffMillis         the first back-off; each further failure doubles it
 * @param maxBackoffMillis           the longest back-off
 */
public record LoginLimits(int maxConcurrentChecks, int maxConcurrentChecksPerClient, long queueTimeoutMillis,
        int freeFailures, long firstBackoffMillis, long maxBackoffMillis) {
    /**
     * Half the cores check passwords (at least one), so the other half keep serving sessions; two checks per address
     * (an operator panel that mistypes while an MES reconnects); five free failures (a Milo client tries a refused
     * activation twice, so one mistyped password counts two), then 1 s doubling to 60 s.
     */
    public static final LoginLimits DEFAULTS = new LoginLimits(
            Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 2, 5_000, 5, 1_000, 60_000);

    public LoginLimits {
        positive("maxConcurrentChecks", maxConcurrentChecks);
        positive("maxConcurrentChecksPerClient", maxConcurrentChecksPerClient);
        positive("queueTimeoutMillis", queueTimeoutMillis);
        if (freeFailures < 0) {
            throw new IllegalArgumentException("freeFailures = " + freeFailures + "; allowed: 0 or more");
        }
        positive("firstBackoffMillis", firstBackoffMillis);
        if (maxBackoffMillis < firstBackoffMillis) {
            throw new IllegalArgumentException("maxBackoffMillis = " + maxBackoffMillis
                    + "; allowed: at least firstBackoffMillis (" + firstBackoffMillis + ")");
        }
    }

    /** The same limits with another back-off. */
    public LoginLimits withBackoff(int freeFailures, long firstBackoffMillis, long maxBackoffMillis) {
        return new LoginLimits(maxConcurrentChecks, maxConcurrentChecksPerClient, queueTimeoutMillis, freeFailures,
                firstBackoffMillis, maxBackoffMillis);
    }

    /** The same limits with other concurrency bounds. */
    public LoginLimits withConcurrency(int maxConcurrentChecks, int maxConcurrentChecksPerClient) {
        return new LoginLimits(maxConcurrentChecks, maxConcurrentChecksPerClient, queueTimeoutMillis, freeFailures,
                firstBackoffMillis, maxBackoffMillis);
    }

    private static void positive(String field, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " = " + value + "; allowed: 1 or more");
        }
    }
}
