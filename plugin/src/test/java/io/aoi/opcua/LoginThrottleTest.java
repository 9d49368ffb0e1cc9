package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final InetAddress A = address(10, 0, 0, 1);
    private static final InetAddress B = address(10, 0, 0, 2);
    private static final LoginLimits LIMITS = new LoginLimits(4, 2, 50, 2, 1_000, 8_000);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LoginThrottle throttle = new LoginThrottle(LIMITS, nanos::get);

    private static InetAddress address(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    /** One whole login attempt with the given outcome; returns whether the password was checked at all. */
    private boolean attempt(String user, InetAddress client, boolean success) {
        LoginThrottle.Decision d = throttle.begin(user, client);
        if (d instanceof LoginThrottle.Allowed a) {
            throttle.end(a.permit(), success);
            return true;
        }
        return false;
    }

    @Test
    void backsOffAfterTheFreeFailuresAndDoublesUpToTheMaximum() {
        assertTrue(attempt("eng", A, false));
        assertTrue(attempt("eng", A, false), "two free failures");
        assertTrue(attempt("eng", A, false), "the third is checked and starts a 1 s back-off");
        LoginThrottle.Decision locked = throttle.begin("eng", A);
        LoginThrottle.Refused r = assertInstanceOf(LoginThrottle.Refused.class, locked);
        assertEquals(1_001, r.retryMillis());
        assertTrue(r.firstOfRun());
        assertTrue(!((LoginThrottle.Refused) throttle.begin("eng", A)).firstOfRun(), "logged once per back-off");
        assertTrue(!attempt("eng", B, true), "the user name is locked from every address, even with the password");

        advanceMillis(1_001);
        assertTrue(attempt("eng", B, false), "back-off over: checked again, fails, back-off doubles to 2 s");
        advanceMillis(1_500);
        assertTrue(!attempt("eng", B, true));
        advanceMillis(501);
        for (int i = 0; i < 10; i++) {
            assertTrue(attempt("eng", B, false));
            LoginThrottle.Refused next = (LoginThrottle.Refused) throttle.begin("eng", B);
            assertTrue(next.retryMillis() <= 8_001, "capped at maxBackoffMillis: " + next.retryMillis());
            advanceMillis(next.retryMillis());
        }
        assertTrue(attempt("eng", B, true), "a success after the back-off is checked");
        assertEquals(0, throttle.failures("eng"), "and clears the user name");
        assertTrue(attempt("eng", B, false), "the count starts again");
    }

    @Test
    void countsUnknownUserNamesLikeKnownOnesAndLocksTheAddress() {
        for (int i = 0; i < 3; i++) {
            assertTrue(attempt("nobody-" + i, A, false), "each name is new, but the address counts");
        }
        assertTrue(!attempt("someone-else", A, true), "the address is in back-off");
        assertTrue(attempt("someone-else", B, true), "other addresses are not");
        assertEquals(1, throttle.failures("nobody-0"));
    }

    @Test
    void refusesMoreConcurrentChecksPerAddressThanAllowedWithoutWaiting() {
        LoginThrottle.Allowed first = assertInstanceOf(LoginThrottle.Allowed.class, throttle.begin("a", A));
        LoginThrottle.Allowed second = assertInstanceOf(LoginThrottle.Allowed.class, throttle.begin("b", A));
        LoginThrottle.Refused third = assertInstanceOf(LoginThrottle.Refused.class, throttle.begin("c", A));
        assertTrue(third.reason().contains("2 password checks running"), third.reason());
        assertInstanceOf(LoginThrottle.Allowed.class, throttle.begin("d", B), "another address still gets one")
                .permit();
        throttle.end(first.permit(), true);
        throttle.end(first.permit(), true); // ending twice releases once
        throttle.end(second.permit(), true);
        assertInstanceOf(LoginThrottle.Allowed.class, throttle.begin("c", A));
    }

    @Test
    void refusesWhenAllServerWideChecksStayBusyForTheQueueTimeout() {
        LoginThrottle one = new LoginThrottle(LIMITS.withConcurrency(1, 1), nanos::get);
        LoginThrottle.Allowed busy = assertInstanceOf(LoginThrottle.Allowed.class, one.begin("a", A));
        LoginThrottle.Refused r = assertInstanceOf(LoginThrottle.Refused.class, one.begin("b", B));
        assertTrue(r.reason().startsWith("server busy"), r.reason());
        one.end(busy.permit(), false);
        LoginThrottle.Allowed next = assertInstanceOf(LoginThrottle.Allowed.class, one.begin("b", B),
                "the refused login did not keep its address's slot");
        one.end(next.permit(), true);
    }
}
