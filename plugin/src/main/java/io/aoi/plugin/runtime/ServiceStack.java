package io.aoi.plugin.runtime;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds long-lived services in the order they were started and closes them in reverse. A failure to close
 * one is logged and does not stop the others from closing. {@link #close()} is idempotent; not thread-safe
 * (the owner starts and stops from one thread).
 */
public final class ServiceStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceStack.class);
    private final Deque<Named> started = new ArrayDeque<>();

    private record Named(String name, AutoCloseable service) {
    }

    /** Registers a service the moment it exists (opened, whether or not started); returns it for chaining. */
    public <T extends AutoCloseable> T push(String name, T service) {
        started.push(new Named(name, service));
        return service;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            Named n = started.pop();
            try {
                n.service().close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", n.name(), e.toString());
                LOG.debug("stopping " + n.name() + " failed", e);
            }
        }
    }
}
