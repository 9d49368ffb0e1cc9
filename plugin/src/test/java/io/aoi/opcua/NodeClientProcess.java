package io.aoi.opcua;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One run of a node-opcua check client from {@code src/test/node}: it prints READY once subscribed and one line
 * {@code SUMMARY <json>} at the end. Tests that use it are {@link RequiresNode}: node on PATH and the project's
 * node_modules installed.
 */
public final class NodeClientProcess {
    static final Path NODE_PROJECT = Path.of("src", "test", "node").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private NodeClientProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
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
    }

    /** Starts {@code node <script> <args...>} in the node project. */
    public static NodeClientProcess start(String script, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        return new NodeClientProcess(new ProcessBuilder(command).directory(NODE_PROJECT.toFile())
                .redirectErrorStream(true).start());
    }

    /** Waits (60 s at most) until the client printed READY. */
    public void awaitReady() {
        Awaitility.await("the node client printed READY or ended").atMost(60, TimeUnit.SECONDS)
                .until(() -> lines.contains("READY") || !process.isAlive());
        assertTrue(lines.contains("READY"), "node client subscribed; output:\n" + output());
    }

    /** Waits for the client to end and returns its summary. */
    public JsonNode summary() throws Exception {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("node client did not finish; output:\n" + output());
        }
        reader.join(5000);
        String summaryLine = lines.stream().filter(l -> l.startsWith("SUMMARY ")).findFirst()
                .orElseThrow(() -> new AssertionError("no summary; output:\n" + output()));
        return JSON.readTree(summaryLine.substring("SUMMARY ".length()));
    }

    public String output() {
        return String.join("\n", lines);
    }

    /** The client certificate and key as PEM files plus the arguments that make a client use them. */
    static List<String> certificateArgs(TestClients.ClientCert cert, Path dir) throws Exception {
        Path certPem = writePem(dir.resolve("client-cert.pem"), "CERTIFICATE", cert.certificate().getEncoded());
        Path keyPem = writePem(dir.resolve("client-key.pem"), "PRIVATE KEY", cert.keyPair().getPrivate().getEncoded());
        return List.of("--cert", certPem.toString(), "--key", keyPem.toString(), "--uri", cert.applicationUri(),
                "--pki", dir.resolve("node-pki").toString());
    }

    private static Path writePem(Path file, String type, byte[] der) throws IOException {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
    }
}
