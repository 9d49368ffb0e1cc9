package io.aoi.opcua;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Decides whether a password may be checked now, per {@link LoginLimits}:
 * <ol>
 * <li>a user name or client address in back-off is refused at once (no check); the back-off starts after
 * {@code freeFailures} consecutive failures and doubles with each further failure up to {@code maxBackoffMillis};
 * a success clears the user name and the address;</li>
 * <li>an address that already has {@code maxConcurrentChecksPerClient} checks running is refused at once;</li>
 * <li>otherwise the login waits up to {@code queueTimeoutMillis} for one of {@code maxConcurrentChecks} check
 * permits, and is refused when none comes free.</li>
 * </ol>
 * User names are counted whether or not they exist, so the throttle tells nothing about which ones do. State is kept
 * for at most {@link #MAX_TRACKED} keys; keys whose back-off has run out are forgotten first. Thread-safe.
 */
final class LoginThrottle {
    /** Most user names plus addresses remembered. */
    static final int MAX_TRACKED = 10_000;

    /** The outcome of {@link #begin}. */
    sealed interface Decision {
    }

    /** The password may be checked; pass the permit to {@link #end}. */
    record Allowed(Permit permit) implements Decision {
    }

    /**
     * Refused without a check.
     *
     * @param reason      why, for the security log
     * @param retryMillis when the back-off ends (0 when the server was busy)
     * @param firstOfRun  true for the first refusal of this back-off period (the log records only those)
     */
    record Refused(String reason, long retryMillis, boolean firstOfRun) implements Decision {
    }

    /** A granted check; {@link #end} releases it once. */
    static final class Permit {
        private final String userKey;
        private final String clientKey;
        private boolean ended;

        private Permit(String userKey, String clientKey) {
            this.userKey = userKey;
            this.clientKey = clientKey;
        }
    }

    private static final class State {
        int failures;
        long lockedUntilNanos;
        long lastSeenNanos;
        boolean refusedInRun;
        int running;
    }

    private final LoginLimits limits;
    private final LongSupplier nanoClock;
    private final Semaphore checks;
    private final Map<String, State> states = new HashMap<>();

    LoginThrottle(LoginLimits limits) {
        this(limits, System::nanoTime);
    }

    LoginThrottle(LoginLimits limits, LongSupplier nanoClock) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.nanoClock = nanoClock;
        this.checks = new Semaphore(limits.maxConcurrentChecks(), true);
    }

    /**
     * Asks to check a password of {@code user} from {@code client}; may wait up to {@code queueTimeoutMillis} for a
     * permit.
     */
    Decision begin(String user, InetAddress client) {
        String userKey = "u:" + Objects.requireNonNullElse(user, "");
        String clientKey = "a:" + (client == null ? "?" : client.getHostAddress());
        synchronized (this) {
            long now = nanoClock.getAsLong();
            Refused locked = lockedRefusal(userKey, now, "user name");
            if (locked == null) {
                locked = lockedRefusal(clientKey, now, "client address");
            }
            if (locked != null) {
                return locked;
            }
            State c = state(clientKey, now);
            if (c.running >= limits.maxConcurrentChecksPerClient()) {
                return new Refused("client address has " + c.running + " password checks running", 0, true);
            }
            c.running++;
        }
        boolean acquired;
        try {
            acquired = checks.tryAcquire(limits.queueTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            synchronized (this) {
                state(clientKey, nanoClock.getAsLong()).running--;
            }
            return new Refused("server busy: " + limits.maxConcurrentChecks() + " password checks running for "
                    + limits.queueTimeoutMillis() + " ms", 0, true);
        }
        return new Allowed(new Permit(userKey, clientKey));
    }

    /** Ends a check: counts a failure (possibly starting a back-off) or clears both keys on success. */
    void end(Permit permit, boolean success) {
        synchronized (this) {
            if (permit.ended) {
                return;
            }
            permit.ended = true;
            long now = nanoClock.getAsLong();
            State c = state(permit.clientKey, now);
            c.running--;
            if (success) {
                clear(permit.userKey);
                clear(permit.clientKey);
            } else {
                fail(state(permit.userKey, now), now);
                fail(c, now);
            }
        }
        checks.release();
    }

    /** Consecutive failures counted for a user name (for tests and diagnostics). */
    synchronized int failures(String user) {
        State s = states.get("u:" + user);
        return s == null ? 0 : s.failures;
    }

    private Refused lockedRefusal(String key, long now, String what) {
        State s = states.get(key);
        if (s == null || s.lockedUntilNanos - now <= 0) {
            return null;
        }
        s.lastSeenNanos = now;
        boolean first = !s.refusedInRun;
        s.refusedInRun = true;
        long retryMillis = TimeUnit.NANOSECONDS.toMillis(s.lockedUntilNanos - now) + 1;
        return new Refused(what + " in back-off after " + s.failures + " failed logins", retryMillis, first);
    }

    private void fail(State s, long now) {
        s.failures++;
        int over = s.failures - limits.freeFailures();
        if (over > 0) {
            long backoff = limits.firstBackoffMillis() << Math.min(over - 1, 30);
            if (backoff <= 0 || backoff > limits.maxBackoffMillis()) {
                backoff = limits.maxBackoffMillis();
            }
            s.lockedUntilNanos = now + TimeUnit.MILLISECONDS.toNanos(backoff);
            s.refusedInRun = false;
        }
    }

    private void clear(String key) {
        State s = states.get(key);
        if (s != null) {
            s.failures = 0;
            s.lockedUntilNanos = 0;
            s.refusedInRun = false;
            if (s.running == 0) {
                states.remove(key);
            }
        }
    }

    private State state(String key, long now) {
        State s = states.get(key);
        if (s == null) {
            if (states.size() >= MAX_TRACKED) {
                forgetIdle(now);
            }
            s = new State();
            states.put(key, s);
        }
        s.lastSeenNanos = now;
        return s;
    }

    /**
     * Forgets keys that have nothing running and no back-off left and were last seen longer ago than the longest
     * back-off. When that is not enough, the table is full of active attackers' keys: the idle ones go regardless
     * of age, so a flood of fresh user names cannot grow memory.
     */
    private void forgetIdle(long now) {
        long horizon = TimeUnit.MILLISECONDS.toNanos(limits.maxBackoffMillis());
        states.values().removeIf(s -> s.running == 0 && s.lockedUntilNanos - now <= 0
                && now - s.lastSeenNanos > horizon);
        if (states.size() >= MAX_TRACKED) {
            for (Iterator<State> it = states.values().iterator(); it.hasNext() && states.size() >= MAX_TRACKED;) {
                State s = it.next();
                if (s.running == 0 && s.lockedUntilNanos - now <= 0) {
                    it.remove();
                }
            }
        }
    }
}
