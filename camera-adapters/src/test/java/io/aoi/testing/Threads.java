package io.aoi.testing;

import java.time.Duration;
import java.util.Arrays;
import org.awaitility.Awaitility;

/** Waits on what another thread is doing, for tests that must act while it is blocked. */
public final class Threads {
    private Threads() {
    }

    /**
     * Waits until {@code thread} is inside {@code owner.method} (on its stack) and blocked there: waiting, timed
     * waiting, blocked on a monitor or in a native call (a camera library's wait for a buffer).
     *
     * @throws org.awaitility.core.ConditionTimeoutException after {@code atMost}, naming the method and the thread
     */
    public static void awaitBlockedIn(Thread thread, Class<?> owner, String method, Duration atMost) {
        Awaitility.await(thread.getName() + " blocked in " + owner.getSimpleName() + "." + method)
                .atMost(atMost).pollInterval(Duration.ofMillis(5))
                .until(() -> isBlockedIn(thread, owner.getName(), method));
    }

    private static boolean isBlockedIn(Thread thread, String owner, String method) {
        StackTraceElement[] stack = thread.getStackTrace();
        boolean inside = Arrays.stream(stack)
                .anyMatch(e -> e.getClassName().equals(owner) && e.getMethodName().equals(method));
        Thread.State state = thread.getState();
        boolean blocked = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                || state == Thread.State.BLOCKED || (stack.length > 0 && stack[0].isNativeMethod());
        return inside && blocked;
    }
}
