package io.aoi.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "127.3.4.5", "::1", "0:0:0:0:0:0:0:1"})
    void acceptsLoopbackLiterals(String text) {
        assertTrue(IpLiteral.isLoopback(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.evil.example", "localhost", "127.1", "0x7f.0.0.1", "0177.0.0.1", "127.0.0.1.",
        "127.0.0.256", "::ffff:127.0.0.1", "10.0.0.1", "0.0.0.0", "::", "", " 127.0.0.1"})
    void refusesEverythingElseAsLoopback(String text) {
        assertFalse(IpLiteral.isLoopback(text), text);
    }

    @Test
    void parsesLiteralsWithoutAskingANameService() {
        assertEquals("192.168.10.20", IpLiteral.parse("192.168.10.20").orElseThrow().getHostAddress());
        assertEquals(Optional.empty(), IpLiteral.parse("aoi.plant.example"));
        assertTrue(IpLiteral.isWildcard("0.0.0.0"));
        assertTrue(IpLiteral.isWildcard("::"));
        assertFalse(IpLiteral.isWildcard("127.0.0.1"));
    }

    @Test
    void tellsHostNamesFromAddresses() {
        assertTrue(IpLiteral.isHostName("bonder-7.plant.example"));
        assertTrue(IpLiteral.isHostName("localhost"));
        assertFalse(IpLiteral.isHostName("127.0.0.1"), "all-numeric is an address attempt");
        assertFalse(IpLiteral.isHostName("-bad.example"));
        assertFalse(IpLiteral.isHostName("under_score.example"));
        assertFalse(IpLiteral.isHostName("a..b"));
    }
}
