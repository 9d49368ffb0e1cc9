package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aoi.config.OpcUaSettings;
import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.UserAccount;
import io.aoi.results.InspectionResult;
import io.aoi.results.SampleResults;
import io.aoi.results.journal.ResultJournal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the independent node-opcua client in {@code src/test/node} against a production-profile server: MES user
 * subscribes to ResultReady on the Server object and calls the result methods, an operator's recipe write and
 * result call are refused. Needs {@code node} and {@code npm} on PATH; runs {@code npm ci} when node_modules is
 * missing.
 */
class NodeMesClientTest {
    /** A station id with a dash, as in real line names, so the client must not split result ids naively. */
    private static final String STATION = "line-7";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path NODE_PROJECT = Path.of("src", "test", "node").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void mesClientReceivesEventsAndResultsAndOperatorWriteIsRefused() throws Exception {
        ensureNodeProject();
        TestClients.ClientCert cert = TestClients.newCert("node-mes");
        Path pki = dir.resolve("pki");
        cert.writeDer(pki.resolve("trusted").resolve("certs"), "node-mes.der");
        Path certPem = writePem(dir.resolve("client-cert.pem"), "CERTIFICATE", cert.certificate().getEncoded());
        Path keyPem = writePem(dir.resolve("client-key.pem"), "PRIVATE KEY", cert.keyPair().getPrivate().getEncoded());
        OpcUaSettings settings = new OpcUaSettings("127.0.0.1", 0, SecurityProfile.PRODUCTION, List.of(
                new UserAccount("op", TestPasswords.hash("op-pw"), Role.OPERATOR),
                new UserAccount("mes", TestPasswords.hash("mes-pw"), Role.MES)), pki);
        Instant t0 = Instant.parse("2026-06-01T08:00:00Z");
        try (ResultJournal journal = ResultJournal.open(dir.resolve("journal"), 30, 1L << 20);
             StationServer server = StationServer.start(settings, new StationIdentity(STATION, "J1", "C1"),
                     new InMemoryRecipeControl("R1", StationServerDemoTest.DEBLUR, s -> { }),
                     new JournalResultQuery(journal))) {
            Process p = new ProcessBuilder("node", "mes-client.js", server.endpointUrl(), "--expect", "3",
                    "--from", t0.toString(), "--to", t0.plusSeconds(60).toString(),
                    "--user", "mes", "--password", "mes-pw", "--operator", "op", "--operator-password", "op-pw",
                    "--cert", certPem.toString(), "--key", keyPem.toString(), "--uri", cert.applicationUri(),
                    "--pki", dir.resolve("node-pki").toString())
                    .directory(NODE_PROJECT.toFile()).redirectErrorStream(true).start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("READ FAILED " + e);
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!lines.contains("READY") && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(lines.contains("READY"), "node client subscribed; output:\n" + String.join("\n", lines));
            List<InspectionResult> sent = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                InspectionResult r = SampleResults.result(STATION, i, t0.plusSeconds(i));
                journal.append(r);
                server.accept(r);
                sent.add(r);
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("node client did not finish; output:\n" + String.join("\n", lines));
            }
            reader.join(5000);
            String summaryLine = lines.stream().filter(l -> l.startsWith("SUMMARY ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no summary; output:\n" + String.join("\n", lines)));
            JsonNode s = JSON.readTree(summaryLine.substring("SUMMARY ".length()));

            assertEquals(3, s.get("events").size());
            assertEquals(3, s.get("contentParsed").asInt());
            assertEquals(0, s.get("missingFields").size(), s.get("missingFields").toString());
            for (int i = 0; i < 3; i++) {
                JsonNode e = s.get("events").get(i);
                InspectionResult r = sent.get(i);
                assertEquals(r.resultId(), e.get("resultId").asText());
                assertEquals(r.outcome().resultState(), e.get("resultState").asInt());
                assertEquals("J1", e.get("jobId").asText());
                assertEquals("C1", e.get("internalConfigurationId").asText());
                assertEquals(r.verdict().name(), e.get("content").get("verdict").asText());
                assertEquals(r.particleCount(), e.get("content").get("particleCount").asInt());
                assertEquals(r.bumps().size(), e.get("content").get("bumps").size());
                assertEquals(3, e.get("processingTimes").size());
                assertEquals(r.createdAt(), Instant.parse(e.get("creationTime").asText()));
            }
            JsonNode byId = s.get("getResultById");
            assertEquals("Good", byId.get("status").asText());
            assertEquals(0, byId.get("error").asInt());
            assertNotNull(byId.get("result"));
            assertEquals(sent.get(0).resultId(), byId.get("result").get("resultId").asText());
            JsonNode list = s.get("getResultListFiltered");
            assertEquals("Good", list.get("status").asText());
            assertEquals(List.of(STATION + "-J1-1", STATION + "-J1-2", STATION + "-J1-3"),
                    JSON.convertValue(list.get("resultIds"), List.class));
            assertEquals("BadUserAccessDenied", s.get("operatorWrite").asText());
            assertEquals("BadUserAccessDenied", s.get("operatorGetResultById").asText());
        }
    }

    private static void ensureNodeProject() throws Exception {
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    fail(tool + " --version failed; install Node.js 20+ and npm (see plugin/OPCUA.md)");
                }
            } catch (IOException e) {
                fail(tool + " is not on PATH; install Node.js 20+ and npm (apt-get install -y nodejs npm) to run "
                        + "the independent node-opcua client check");
            }
        }
        if (!Files.isDirectory(NODE_PROJECT.resolve("node_modules").resolve("node-opcua"))) {
            Process p = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_PROJECT.toFile())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
                fail("npm ci in " + NODE_PROJECT + " failed:\n" + out);
            }
        }
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
