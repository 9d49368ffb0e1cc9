package io.aoi.opcua;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.milo.opcua.stack.core.StatusCodes;

/**
 * First handler of every server connection: a client IP address may hold at most {@code maxPerClient} TCP
 * connections at once; a further one gets an OPC UA Error message (Bad_TcpNotEnoughResources) for its Hello and is
 * closed, without reaching Milo, so a flood of parallel connections from one address cannot make the server do
 * dozens of RSA handshakes at a time. The first refusal of each burst (until the
 * address is back under its limit) is written to the {@link SecurityLog} as {@code session-refused}. Shared by all
 * connections; thread-safe.
 */
@ChannelHandler.Sharable
final class ConnectionLimiter extends ChannelInboundHandlerAdapter {
    private static final AttributeKey<Boolean> REFUSED = AttributeKey.valueOf("aoi.connection.refused");
    private static final AttributeKey<Boolean> ANSWERED = AttributeKey.valueOf("aoi.connection.answered");
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
                                + "further ones are refused at their Hello"));
            }
            ctx.channel().attr(REFUSED).set(Boolean.TRUE);
            // no super.channelActive: Milo's handshake handlers never see this connection
            return;
        }
        super.channelActive(ctx);
    }

    /**
     * A refused connection's first bytes (its Hello) are answered with an OPC UA Error message
     * (Bad_TcpNotEnoughResources) and the connection is closed, so the client fails at once instead of waiting for
     * its timeout; nothing it sends reaches Milo.
     */
    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (ctx.channel().attr(REFUSED).get() == null) {
            super.channelRead(ctx, msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (ctx.channel().attr(ANSWERED).setIfAbsent(Boolean.TRUE) == null) {
            ctx.writeAndFlush(errorMessage(ctx.alloc())).addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** {@code ERRF}, size, status code, reason: an OPC UA TCP Error message. */
    private ByteBuf errorMessage(ByteBufAllocator alloc) {
        byte[] reason = ("too many connections from this address (at most " + maxPerClient + ")")
                .getBytes(StandardCharsets.UTF_8);
        ByteBuf b = alloc.buffer(16 + reason.length);
        b.writeBytes("ERRF".getBytes(StandardCharsets.US_ASCII));
        b.writeIntLE(16 + reason.length);
        b.writeIntLE((int) StatusCodes.Bad_TcpNotEnoughResources);
        b.writeIntLE(reason.length);
        b.writeBytes(reason);
        return b;
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
