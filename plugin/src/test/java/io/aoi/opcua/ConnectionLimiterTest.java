package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
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
        assertFalse(c.isOpen(), "the third connection of the address is closed at once");
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
