package io.aoi.opcua;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ResultHandles the result methods hand out (OPC 40100: a client releases each with ReleaseResultHandle). The
 * station holds no resources per handle (results stay in the journal), so a handle only records that it was issued;
 * at most {@value #MAX_HELD} are held, the oldest is forgotten first. 0 is never issued. Thread-safe.
 */
final class ResultHandles {
    static final int MAX_HELD = 10_000;

    private final Set<Long> held = new LinkedHashSet<>();
    private long next = 1;

    synchronized long issue() {
        long h = next;
        next = next == 0xFFFF_FFFFL ? 1 : next + 1;
        held.add(h);
        if (held.size() > MAX_HELD) {
            held.remove(held.iterator().next());
        }
        return h;
    }

    /** True when the handle was held (and is released now). */
    synchronized boolean release(long handle) {
        return held.remove(handle);
    }
}
