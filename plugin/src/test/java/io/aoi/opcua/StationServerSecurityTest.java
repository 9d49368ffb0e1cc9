package io.aoi.opcua;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.UserAccount;
import io.aoi.results.journal.ResultJournal;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings of the security review, one test each: throttling, audit log, sessions, roles, advertised host. */
class StationServerSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private SecurityLog log;
    private InMemoryRecipeControl recipes;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private ResultJournal journal;

    private StationServer start(OpcUaSettings settings, SecurityOptions options) throws Exception {
        if (journal == null) {
            journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
            open.add(journal);
        }
        recipes = new InMemoryRecipeControl("R1", StationServerDemoTest.DEBLUR);
        StationServer server = StationServer.start(settings, new StationIdentity("S1", "J1"), recipes,
                new JournalResultQuery(journal), VisionControl.ACCEPT_ALL, options);
        open.add(server);
        return server;
    }

    private SecurityLog openLog() throws Exception {
        log = SecurityLog.open(dir.resolve("journal").resolve("security"), 30, 1 << 20);
        open.add(log);
        return log;
    }

    private List<JsonNode> logLines() throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Path f : log.dayFiles()) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private long count(Predicate<JsonNode> p) throws Exception {
        return logLines().stream().filter(p).count();
    }

    private static Predicate<JsonNode> event(String event, String user) {
        return l -> l.get("event").asText().equals(event) && l.get("user").asText().equals(user);
    }

    private static CallMethodResult halt(OpcUaClient c) throws Exception {
        return c.call(List.of(new CallMethodRequest(TestClients.stationNode(c, "VisionStateMachine"),
                TestClients.stationNode(c, "VisionStateMachine/Halt"), new Variant[] {new Variant(1), new Variant("test")})))
                .getResults()[0];
    }

    private OpcUaSettings production(Path pki, TestClients.ClientCert trusted) throws Exception {
        trusted.writeDer(pki.resolve("trusted").resolve("certs"), "trusted.der");
        return new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, List.of(
                new UserAccount("op", TestPasswords.hash("op-pw"), Role.OPERATOR),
                new UserAccount("eng", TestPasswords.hash("eng-pw"), Role.ENGINEER)), pki);
    }

    @Test
    void logsLoginsRefusalsRecipeChangesAndCallsThenThrottlesRepeatedFailures() throws Exception {
        TestClients.ClientCert trusted = TestClients.newCert("trusted");
        SecurityOptions options = SecurityOptions.defaults(openLog(), SecurityProfile.PRODUCTION)
                .withLogins(LoginLimits.DEFAULTS.withBackoff(2, 60_000, 60_000));
        StationServer server = start(production(dir.resolve("pki"), trusted), options);
        String url = server.endpointUrl();

        OpcUaClient eng = TestClients.production(url, trusted, "eng", "eng-pw");
        try {
            assertEquals(60_000.0, eng.getSession().getSessionTimeout(),
                    "the client asked for 2 minutes; idle sessions live at most 60 s");
            assertTrue(TestClients.writeIterations(eng, 1).isGood());
            halt(eng);
        } finally {
            eng.disconnect();
        }
        OpcUaClient op = TestClients.production(url, trusted, "op", "op-pw");
        try {
            assertEquals(StatusCodes.Bad_UserAccessDenied, halt(op).getStatusCode().value());
            assertEquals(StatusCodes.Bad_UserAccessDenied, TestClients.writeIterations(op, 3).value());
        } finally {
            op.disconnect();
        }

        assertEquals(2, count(l -> l.get("event").asText().equals("login-ok")));
        assertEquals(1, count(event("recipe-change", "eng").and(l -> l.get("field").asText()
                .equals("DeblurIterations") && l.get("old").asText().equals("2") && l.get("new").asText()
                .equals("1"))));
        assertEquals(1, count(event("method-call", "eng").and(l -> l.get("method").asText().equals("Halt")
                && l.get("client").asText().equals("127.0.0.1"))));
        assertEquals(2, count(event("access-denied", "op")), "the refused Halt and the refused write");

        for (int i = 0; i < 3; i++) {
            assertThrows(UaException.class, () -> TestClients.production(url, trusted, "eng", "wrong").disconnect());
        }
        UaException locked = assertThrows(UaException.class,
                () -> TestClients.production(url, trusted, "eng", "eng-pw").disconnect(),
                "in back-off even the right password is refused, without a check");
        assertEquals(StatusCodes.Bad_UserAccessDenied, locked.getStatusCode().value(), locked.toString());
        assertEquals(3, count(event("login-failed", "eng")));
        assertEquals(1, count(event("login-throttled", "eng")));
        assertEquals(2, count(event("login-ok", "eng").or(event("login-ok", "op"))), "no further success");
    }

    @Test
    void anonymousDemoSessionsAreOperatorsUnlessTheStationFileSaysOtherwise() throws Exception {
        SecurityOptions options = SecurityOptions.defaults(openLog(), SecurityProfile.DEMO);
        StationServer server = start(new OpcUaSettings("127.0.0.1", 0, SecurityProfile.DEMO, List.of(),
                dir.resolve("pki")), options);
        OpcUaClient c = TestClients.demo(server.endpointUrl());
        try {
            assertEquals(2, c.readValue(0, TimestampsToReturn.Neither, TestClients.stationNode(c, "RecipeManagement/DeblurIterations"))
                    .value().value(), "operators read");
            assertEquals(StatusCodes.Bad_UserAccessDenied, halt(c).getStatusCode().value());
            assertEquals(StatusCodes.Bad_UserAccessDenied, TestClients.writeIterations(c, 0).value());
            assertEquals(2, recipes.settings().iterations());
            assertEquals(StatusCodes.Bad_UserAccessDenied, c.writeValues(
                    List.of(TestClients.stationNode(c, "RecipeManagement/DeblurIterations")),
                    List.of(new DataValue(new Variant(2.5)))).get(0).value(), "the role is checked before the type");
            assertEquals("", c.readValue(0, TimestampsToReturn.Neither,
                    TestClients.stationNode(c, "RecipeManagement/LastChangeError")).value().value(),
                    "a session that may not change the recipe does not change LastChangeError either");
        } finally {
            c.disconnect();
        }
        assertEquals(3, count(event("access-denied", "anonymous").and(l -> l.get("role").asText()
                .equals("OPERATOR"))));
    }

    @Test
    void oneClientThatAbandonsItsSessionsCannotLockOthersOut() throws Exception {
        SecurityOptions options = SecurityOptions.defaults(openLog(), SecurityProfile.DEMO)
                .withSessions(new SessionLimits(100, 3, 60_000, 10));
        StationServer server = start(new OpcUaSettings("127.0.0.1", 0, SecurityProfile.DEMO, List.of(),
                dir.resolve("pki")), options);

        AbandoningClient.Outcome o = AbandoningClient.run(server.endpointUrl(), 5, 60, "demo");
        assertEquals(new AbandoningClient.Outcome(3, 2, "Bad_TooManySessions=2"), o,
                "three sessions per address while the client lives");
        assertEquals(2, count(l -> l.get("event").asText().equals("session-refused")));

        // the client is gone without closing its sessions; a new one gets in long before the 60 s timeout
        List<OpcUaClient> next = new ArrayList<>();
        try {
            await("a new client connected after the abandoning one is gone").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> next.add(TestClients.demo(server.endpointUrl())));
            next.add(TestClients.demo(server.endpointUrl()));
            assertTrue(count(l -> l.get("event").asText().equals("session-evicted")) >= 2);
        } finally {
            for (OpcUaClient c : next) {
                c.disconnect();
            }
        }
    }

    @Test
    void advertisesTheConfiguredHostAndPutsItIntoTheCertificate() throws Exception {
        TestClients.ClientCert trusted = TestClients.newCert("trusted");
        Path pki = dir.resolve("pki");
        OpcUaSettings settings = production(pki, trusted).withAdvertisedHost("bonder-7.plant.example");
        StationServer server = start(settings, SecurityOptions.defaults(SecurityLog.loggerOnly(),
                SecurityProfile.PRODUCTION));
        assertEquals("bonder-7.plant.example", URI.create(server.endpointUrl()).getHost());

        String direct = "opc.tcp://127.0.0.1:" + server.port() + "/aoi";
        List<EndpointDescription> eps = DiscoveryClient.getEndpoints(direct).get();
        EndpointDescription secure = eps.stream().filter(e -> e.getSecurityMode() != MessageSecurityMode.None)
                .findFirst().orElseThrow();
        assertTrue(eps.stream().allMatch(e -> e.getEndpointUrl().startsWith("opc.tcp://bonder-7.plant.example:")),
                eps.toString());
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(secure.getServerCertificate().bytesOrEmpty()));
        assertTrue(CertificateUtil.getSanDnsNames(cert).contains("bonder-7.plant.example"),
                CertificateUtil.getSanDnsNames(cert).toString());
        server.close();

        OpcUaException moved = assertThrows(OpcUaException.class, () -> start(settings.withAdvertisedHost(
                "bonder-8.plant.example"), SecurityOptions.defaults(SecurityLog.loggerOnly(),
                SecurityProfile.PRODUCTION)));
        assertTrue(moved.getMessage().contains("[bonder-8.plant.example]")
                && moved.getMessage().contains("Delete server-keystore.pfx"), moved.getMessage());
    }
}
