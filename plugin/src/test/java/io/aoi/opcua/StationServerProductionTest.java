package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.UserAccount;
import io.aoi.results.SampleResults;
import io.aoi.results.journal.ResultJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.milo.opcua.sdk.client.DiscoveryClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.OpcUaClientConfig;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.core.types.DynamicStructType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.UserTokenType;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.eclipse.milo.opcua.stack.core.types.structured.EndpointDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One production-profile server for all tests of this class (certificate generation is slow on small machines). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationServerProductionTest {
    private ResultJournal journal;
    private InMemoryRecipeControl recipes;
    private StationServer server;
    private TestClients.ClientCert trusted;
    private OpcUaSettings settings;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path pki = dir.resolve("pki");
        trusted = TestClients.newCert("trusted");
        trusted.writeDer(pki.resolve("trusted").resolve("certs"), "trusted.der");
        settings = new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, List.of(
                new UserAccount("op", TestPasswords.hash("op-pw"), Role.OPERATOR),
                new UserAccount("mes", TestPasswords.hash("mes-pw"), Role.MES),
                new UserAccount("eng", TestPasswords.hash("eng-pw"), Role.ENGINEER)), pki);
        journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
        recipes = new InMemoryRecipeControl("R1", StationServerDemoTest.DEBLUR);
        server = StationServer.start(settings, new StationIdentity("S1", "J1"), recipes,
                new JournalResultQuery(journal));
        journal.append(SampleResults.stamped(1, Instant.parse("2026-05-01T10:00:00Z")));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (journal != null) {
            journal.close();
        }
    }

    /** The spec's GetResultById(ResultId: ResultIdDataType, Timeout: Int32). */
    private static CallMethodResult getResultById(OpcUaClient c, String id) throws Exception {
        return c.call(List.of(new CallMethodRequest(TestClients.stationNode(c, "ResultManagement"),
                TestClients.stationNode(c, "ResultManagement/GetResultById"),
                new Variant[] {new Variant(TestClients.id(c, 3021, id)), new Variant(1000)}))).getResults()[0];
    }

    @Test
    void offersOnlySignAndEncryptEndpointsWithUserNamesPlusDiscovery() throws Exception {
        List<EndpointDescription> eps = DiscoveryClient.getEndpoints(server.endpointUrl()).get();
        List<EndpointDescription> sessionEndpoints = eps.stream()
                .filter(e -> e.getSecurityMode() != MessageSecurityMode.None).toList();
        assertEquals(2, sessionEndpoints.size());
        assertTrue(sessionEndpoints.stream().allMatch(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt));
        assertTrue(sessionEndpoints.stream().anyMatch(
                e -> e.getSecurityPolicyUri().equals(SecurityPolicy.Basic256Sha256.getUri())));
        assertTrue(sessionEndpoints.stream().anyMatch(
                e -> e.getSecurityPolicyUri().equals(SecurityPolicy.Aes256_Sha256_RsaPss.getUri())));
        for (EndpointDescription e : eps) {
            assertTrue(Stream.of(e.getUserIdentityTokens()).noneMatch(
                    t -> t.getTokenType() == UserTokenType.Anonymous),
                    "no anonymous token on " + e.getEndpointUrl());
        }
    }

    @Test
    void engineerChangesIterationsAndOperatorIsRefused() throws Exception {
        OpcUaClient eng = TestClients.production(server.endpointUrl(), trusted, "eng", "eng-pw");
        try {
            StatusCode ok = TestClients.writeIterations(eng, 1);
            assertTrue(ok.isGood(), ok.toString());
            assertEquals(1, recipes.settings().iterations());
        } finally {
            eng.disconnect();
        }
        OpcUaClient op = TestClients.production(server.endpointUrl(), trusted, "op", "op-pw");
        try {
            assertEquals(StatusCodes.Bad_UserAccessDenied, TestClients.writeIterations(op, 3).value());
            assertEquals(1, recipes.settings().iterations(), "refused write changes nothing");
            assertEquals(StatusCodes.Bad_UserAccessDenied, getResultById(op, "S1-J1-1").getStatusCode().value(),
                    "operators do not call the result methods");
            CallMethodResult halt = op.call(List.of(new CallMethodRequest(TestClients.stationNode(op, "VisionStateMachine"),
                    TestClients.stationNode(op, "VisionStateMachine/Halt"), new Variant[] {new Variant(1), new Variant("y")})))
                    .getResults()[0];
            assertEquals(StatusCodes.Bad_UserAccessDenied, halt.getStatusCode().value());
            assertTrue(recipes.audit().stream().allMatch(a -> a.user().equals("eng")));
        } finally {
            op.disconnect();
        }
    }

    @Test
    void mesReadsResultsButCannotWriteTheRecipe() throws Exception {
        OpcUaClient mes = TestClients.production(server.endpointUrl(), trusted, "mes", "mes-pw");
        try {
            CallMethodResult r = getResultById(mes, "S1-J1-1");
            assertTrue(r.getStatusCode().isGood(), r.getStatusCode().toString());
            assertEquals(0, r.getOutputArguments()[2].value(), "Error");
            Map<String, Object> result = TestClients.members(mes, r.getOutputArguments()[1].value());
            assertEquals("S1-J1-1", ((DynamicStructType) result.get("ResultId")).getMembers().get("Id"));
            assertEquals(StatusCodes.Bad_UserAccessDenied, TestClients.writeIterations(mes, 0).value());
        } finally {
            mes.disconnect();
        }
    }

    @Test
    void connectsOverAes256Sha256RsaPss() throws Exception {
        OpcUaClient c = TestClients.production(server.endpointUrl(), trusted,
                new UsernameProvider("mes", "mes-pw"),
                SecurityPolicy.Aes256_Sha256_RsaPss);
        c.disconnect();
    }

    @Test
    void refusesAWrongPasswordAnUnknownUserAndAnonymous() {
        UaException wrong = assertThrows(UaException.class,
                () -> TestClients.production(server.endpointUrl(), trusted, "eng", "wrong").disconnect());
        assertTrue(isAccessRefusal(wrong), wrong.toString());
        UaException unknown = assertThrows(UaException.class,
                () -> TestClients.production(server.endpointUrl(), trusted, "nobody", "x").disconnect());
        assertTrue(isAccessRefusal(unknown), unknown.toString());
        assertThrows(UaException.class, () -> TestClients.production(server.endpointUrl(), trusted,
                AnonymousProvider.INSTANCE, SecurityPolicy.Basic256Sha256).disconnect());
    }

    @Test
    void refusesAnUntrustedClientCertificateAndKeepsItInRejected() throws Exception {
        TestClients.ClientCert stranger = TestClients.newCert("stranger");
        assertThrows(UaException.class,
                () -> TestClients.production(server.endpointUrl(), stranger, "eng", "eng-pw").disconnect());
        try (Stream<Path> rejected = Files.walk(settings.pkiDir().resolve("rejected"))) {
            assertTrue(rejected.anyMatch(p -> p.getFileName().toString().endsWith(".der")),
                    "refused certificate stored for the administrator");
        }
    }

    @Test
    void refusesASessionOnAnUnsecuredChannel() throws Exception {
        EndpointDescription secure = DiscoveryClient.getEndpoints(server.endpointUrl()).get().get(0);
        EndpointDescription unsecured = new EndpointDescription(secure.getEndpointUrl(), secure.getServer(), null,
                MessageSecurityMode.None, SecurityPolicy.None.getUri(), secure.getUserIdentityTokens(),
                secure.getTransportProfileUri(), secure.getSecurityLevel());
        OpcUaClient c = OpcUaClient.create(OpcUaClientConfig.builder()
                .setEndpoint(unsecured)
                .setApplicationUri("urn:aoi:test-client:plain")
                .setIdentityProvider(new UsernameProvider("eng", "eng-pw"))
                .setRequestTimeout(Unsigned.uint(10_000))
                .build());
        assertThrows(UaException.class, c::connect);
    }

    @Test
    void reusesTheServerCertificateAfterARestart() throws Exception {
        byte[] before = DiscoveryClient.getEndpoints(server.endpointUrl()).get().stream()
                .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt).findFirst().orElseThrow()
                .getServerCertificate().bytesOrEmpty();
        OpcUaSettings other = new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, settings.users(),
                settings.pkiDir());
        try (StationServer second = StationServer.start(other, new StationIdentity("S1", "J2"), recipes,
                new JournalResultQuery(journal))) {
            byte[] after = DiscoveryClient.getEndpoints(second.endpointUrl()).get().stream()
                    .filter(e -> e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt).findFirst()
                    .orElseThrow().getServerCertificate().bytesOrEmpty();
            assertArrayEquals(before, after);
        }
    }

    private static boolean isAccessRefusal(UaException e) {
        long s = e.getStatusCode().value();
        return s == StatusCodes.Bad_UserAccessDenied || s == StatusCodes.Bad_IdentityTokenRejected
                || s == StatusCodes.Bad_IdentityTokenInvalid;
    }
}
