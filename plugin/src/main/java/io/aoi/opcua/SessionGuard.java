package io.aoi.opcua;

import io.netty.channel.Channel;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.servicesets.SessionServiceSet;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ActivateSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CancelRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CancelResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CloseSessionResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CreateSessionResponse;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's session service set with per-client limits ({@link SessionLimits}), so that no one client can fill the
 * server:
 * <ul>
 * <li>each session is remembered with its client's IP address and the connection it was last activated on;</li>
 * <li>CreateSession from an address that holds {@code maxSessionsPerClient} sessions first closes that address's
 * <em>orphaned</em> sessions (their connection is gone: the client exited without CloseSession), oldest first; if
 * none is orphaned it is refused with Bad_TooManySessions;</li>
 * <li>when the whole server holds {@code maxSessions}, orphaned sessions of any address are closed first, oldest
 * first, before Milo's own limit refuses the request;</li>
 * <li>sessions that are not used for the session timeout are closed by Milo (its MaxSessionTimeout caps what a
 * client may ask for).</li>
 * </ul>
 * Refusals and evictions go to the {@link SecurityLog}. A client that reconnects keeps its session: eviction only
 * happens when the address (or the server) is at its limit. Thread-safe.
 */
final class SessionGuard implements SessionServiceSet, SessionListener {
    private static final class Tracked {
        final NodeId sessionId;
        final NodeId authToken;
        final InetAddress client;
        final long createdNanos;
        volatile Channel channel;

        Tracked(NodeId sessionId, NodeId authToken, InetAddress client, Channel channel) {
            this.sessionId = sessionId;
            this.authToken = authToken;
            this.client = client;
            this.channel = channel;
            this.createdNanos = System.nanoTime();
        }

        boolean orphaned() {
            Channel c = channel;
            return c == null || !c.isActive();
        }
    }

    private final OpcUaServer server;
    private final SessionServiceSet delegate;
    private final SessionLimits limits;
    private final SecurityLog log;
    private final Map<NodeId, Tracked> bySessionId = new HashMap<>();
    private final Map<NodeId, Tracked> byAuthToken = new HashMap<>();

    SessionGuard(OpcUaServer server, SessionServiceSet delegate, SessionLimits limits, SecurityLog log) {
        this.server = server;
        this.delegate = delegate;
        this.limits = limits;
        this.log = log;
    }

    @Override
    public CreateSessionResponse onCreateSession(ServiceRequestContext ctx, CreateSessionRequest request)
            throws UaException {
        InetAddress client = ctx.clientAddress();
        synchronized (this) {
            List<Tracked> mine = bySessionId.values().stream().filter(t -> Objects.equals(t.client, client))
                    .toList();
            if (mine.size() >= limits.maxSessionsPerClient()) {
                int evicted = evictOrphans(mine, mine.size() - limits.maxSessionsPerClient() + 1);
                if (mine.size() - evicted >= limits.maxSessionsPerClient()) {
                    log.record(SecurityEvent.SESSION_REFUSED, "", client, Map.of("reason",
                            "client address holds " + (mine.size() - evicted) + " sessions (maxSessionsPerClient "
                                    + limits.maxSessionsPerClient() + ")"));
                    throw new UaException(StatusCodes.Bad_TooManySessions, "this client address holds "
                            + limits.maxSessionsPerClient() + " sessions; close one first");
                }
            }
            if (bySessionId.size() >= limits.maxSessions()) {
                List<Tracked> all = new ArrayList<>(bySessionId.values());
                evictOrphans(all, bySessionId.size() - limits.maxSessions() + 1);
                if (bySessionId.size() >= limits.maxSessions()) {
                    log.record(SecurityEvent.SESSION_REFUSED, "", client, Map.of("reason",
                            "server holds " + bySessionId.size() + " sessions (maxSessions " + limits.maxSessions()
                                    + ")"));
                }
            }
            CreateSessionResponse response = delegate.onCreateSession(ctx, request);
            Tracked t = new Tracked(response.getSessionId(), response.getAuthenticationToken(), client,
                    ctx.getChannel());
            bySessionId.put(t.sessionId, t);
            byAuthToken.put(t.authToken, t);
            return response;
        }
    }

    /** Closes up to {@code wanted} orphaned sessions among {@code candidates}, oldest first; returns how many. */
    private int evictOrphans(List<Tracked> candidates, int wanted) {
        List<Tracked> orphans = candidates.stream().filter(Tracked::orphaned)
                .sorted(Comparator.comparingLong(t -> t.createdNanos)).limit(Math.max(0, wanted)).toList();
        for (Tracked t : orphans) {
            forget(t);
            server.getSessionManager().killSession(t.sessionId, true);
            log.record(SecurityEvent.SESSION_EVICTED, "", t.client, Map.of("session",
                    t.sessionId.toParseableString(), "reason", "connection gone; room needed for a new session"));
        }
        return orphans.size();
    }

    @Override
    public ActivateSessionResponse onActivateSession(ServiceRequestContext ctx, ActivateSessionRequest request)
            throws UaException {
        ActivateSessionResponse response = delegate.onActivateSession(ctx, request);
        synchronized (this) {
            Tracked t = byAuthToken.get(request.getRequestHeader().getAuthenticationToken());
            if (t != null) {
                t.channel = ctx.getChannel();
            }
        }
        return response;
    }

    @Override
    public CloseSessionResponse onCloseSession(ServiceRequestContext ctx, CloseSessionRequest request)
            throws UaException {
        return delegate.onCloseSession(ctx, request);
    }

    @Override
    public CancelResponse onCancel(ServiceRequestContext ctx, CancelRequest request) throws UaException {
        return delegate.onCancel(ctx, request);
    }

    @Override
    public synchronized void onSessionClosed(Session session) {
        Tracked t = bySessionId.get(session.getSessionId());
        if (t != null) {
            forget(t);
        }
    }

    private void forget(Tracked t) {
        bySessionId.remove(t.sessionId);
        byAuthToken.remove(t.authToken);
    }

    /** Sessions held now by {@code client} (for tests and diagnostics). */
    synchronized int sessionsOf(InetAddress client) {
        return (int) bySessionId.values().stream().filter(t -> Objects.equals(t.client, client)).count();
    }
}
