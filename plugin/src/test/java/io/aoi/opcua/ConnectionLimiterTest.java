package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {
    @Test
    void closesConnectionsBeyondTheLimitOfOneAddressAndCountsClosedOnesOut() {
        ConnectionLimiter limiter = new ConnectionLimiter(2, SecurityLog.loggerOnly());
        EmbeddedChannel a = new EmbeddedChannel(limiter);
        EmbeddedChannel b = new EmbeddedChannel(limiter);
        EmbeddedChannel c = new EmbeddedChannel(limiter);
        assertTrue(a.isOpen());
        assertTrue(b.isOpen());
        c.writeInbound(Unpooled.wrappedBuffer("HELF".getBytes(StandardCharsets.US_ASCII)));
        ByteBuf err = c.readOutbound();
        assertEquals("ERRF", err.toString(0, 4, StandardCharsets.US_ASCII), "the third one's Hello gets an Error");
        assertEquals(StatusCodes.Bad_TcpNotEnoughResources, err.getUnsignedIntLE(8));
        err.release();
        assertFalse(c.isOpen(), "and is closed");
        assertTrue(c.inboundMessages().isEmpty(), "nothing of it passes on to Milo's handlers");
        assertEquals(2, limiter.connectionsOf(null), "embedded channels share one (non-IP) address");

        a.close();
        assertEquals(1, limiter.connectionsOf(null));
        EmbeddedChannel d = new EmbeddedChannel(limiter);
        assertTrue(d.isOpen(), "room again after one closed");
        b.close();
        d.close();
        assertEquals(0, limiter.connectionsOf(null), "refused connections never counted");
    }
}
