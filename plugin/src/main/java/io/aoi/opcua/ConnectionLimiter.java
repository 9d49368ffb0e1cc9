package io.aoi.opcua;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/**
 * First handler of every server connection: a client IP address may hold at most {@code maxPerClient} TCP
 * connections at once; a further one is closed before its Hello is read, so a flood of parallel connections from one
 * address cannot make the server do dozens of RSA handshakes at a time. The first refusal of each burst (until the
 * address is back under its limit) is written to the {@link SecurityLog} as {@code session-refused}. Shared by all
 * connections; thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("aoi.connection.refused");
    private final int maxPerClient;
    private final SecurityLog log;
    private final Map<InetAddress, int[]> open = new HashMap<>();
    private final Map<InetAddress, Boolean> refusing = new HashMap<>();

    ConnectionLimiter(int maxPerClient, SecurityLog log) {
        this.maxPerClient = maxPerClient;
        this.log = log;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        InetAddress client = addressOf(ctx.channel().remoteAddress());
        boolean accept;
        boolean logIt = false;
        synchronized (this) {
            int[] n = open.computeIfAbsent(client, k -> new int[1]);
            accept = n[0] < maxPerClient;
            if (accept) {
                n[0]++;
                refusing.remove(client);
            } else {
                logIt = refusing.put(client, Boolean.TRUE) == null;
                if (n[0] == 0) {
                    open.remove(client);
                }
            }
        }
        if (!accept) {
            if (logIt) {
                log.record(SecurityEvent.SESSION_REFUSED, "", client, Map.of("reason",
                        "client address holds " + maxPerClient + " connections (maxConnectionsPerClient); "
                                + "further ones are closed at once"));
            }
            ctx.channel().attr(REFUSED).set(Boolean.TRUE);
            ctx.close();
            return;
        }
        super.channelActive(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Boolean refused = ctx.channel().attr(REFUSED).get();
        if (refused == null) {
            InetAddress client = addressOf(ctx.channel().remoteAddress());
            synchronized (this) {
                int[] n = open.get(client);
                if (n != null && --n[0] <= 0) {
                    open.remove(client);
                }
            }
        }
        super.channelInactive(ctx);
    }

    /** Connections held now by {@code client} (for tests). */
    synchronized int connectionsOf(InetAddress client) {
        int[] n = open.get(client);
        return n == null ? 0 : n[0];
    }

    private static InetAddress addressOf(SocketAddress a) {
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }
}
