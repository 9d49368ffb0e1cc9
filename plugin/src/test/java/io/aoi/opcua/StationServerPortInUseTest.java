package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.aoi.config.OpcUaSettings;
import io.aoi.config.SecurityProfile;
import io.aoi.results.journal.ResultJournal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A port that something else holds is one clear line, refused before the OPC UA stack tries to bind it. */
class StationServerPortInUseTest {

    @Test
    void aPortInUseIsNamedInOneLine(@TempDir Path dir) throws Exception {
        try (ServerSocket holder = new ServerSocket();
                ResultJournal journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20)) {
            holder.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            int port = holder.getLocalPort();
            OpcUaSettings settings = new OpcUaSettings("127.0.0.1", port, SecurityProfile.DEMO, List.of(),
                    dir.resolve("pki"));

            OpcUaException e = assertThrows(OpcUaException.class, () -> StationServer.start(settings,
                    new StationIdentity("S1", "J1"),
                    new InMemoryRecipeControl("R1", StationServerDemoTest.DEBLUR),
                    new JournalResultQuery(journal)));

            assertEquals("port " + port + " on 127.0.0.1 is in use; allowed: a free port (opcua.port), or stop what "
                    + "holds it", e.getMessage());
        }
    }
}
