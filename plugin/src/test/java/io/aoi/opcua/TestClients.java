package io.aoi.opcua;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.identity.AnonymousProvider;
import org.eclipse.milo.opcua.sdk.client.identity.IdentityProvider;
import org.eclipse.milo.opcua.sdk.client.identity.UsernameProvider;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.sdk.core.types.DynamicStructType;
import org.eclipse.milo.opcua.sdk.core.typetree.DataType;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.ContentFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.EventFilter;
import org.eclipse.milo.opcua.stack.core.types.structured.SimpleAttributeOperand;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;

/** Milo clients for the tests and the benchmark. */
public final class TestClients {
    /** The ResultReady fields the tests select, in order, after EventId, Time and SourceNode. */
    public static final List<String> FIELDS = List.of("IsPartial", "ResultState", "InternalRecipeId",
            "InternalConfigurationId", "JobId", "ResultId", "CreationTime", "ProcessingTimes", "ResultContent");

    private TestClients() {
    }

    /** A client application certificate. */
    public record ClientCert(KeyPair keyPair, X509Certificate certificate, String applicationUri) {
        private static final char[] STORE_PASSWORD = "test-client".toCharArray();

        /** Writes the certificate as DER into {@code dir}. */
        public Path writeDer(Path dir, String fileName) throws Exception {
            Files.createDirectories(dir);
            return Files.write(dir.resolve(fileName), certificate.getEncoded());
        }

        /** Saves key and certificate as PKCS#12, for a client in another process ({@link #load}). */
        public void save(Path file) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", keyPair.getPrivate(), STORE_PASSWORD, new X509Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, STORE_PASSWORD);
            }
        }

        public static ClientCert load(Path file) throws Exception {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                ks.load(in, STORE_PASSWORD);
            }
            X509Certificate cert = (X509Certificate) ks.getCertificate("client");
            PrivateKey key = (PrivateKey) ks.getKey("client", STORE_PASSWORD);
            String uri = CertificateUtil.getSanUri(cert).orElseThrow();
            return new ClientCert(new KeyPair(cert.getPublicKey(), key), cert, uri);
        }
    }

    public static ClientCert newCert(String name) throws Exception {
        KeyPair kp = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        String uri = "urn:aoi:test-client:" + name;
        X509Certificate cert = new SelfSignedCertificateBuilder(kp).setCommonName(name).setApplicationUri(uri)
                .addDnsName("localhost").build();
        return new ClientCert(kp, cert, uri);
    }

    /** The status code's name ({@code Bad_TooManySessions}), or its hex form when it has none. */
    public static String statusName(UaException e) {
        return StatusCodes.lookup(e.getStatusCode().value()).map(n -> n[0]).orElse(e.getStatusCode().toString());
    }

    /** Anonymous client on the demo profile's None endpoint, connected. */
    public static OpcUaClient demo(String url) throws UaException {
        OpcUaClient c = OpcUaClient.create(url,
                eps -> eps.stream().filter(e -> SecurityPolicy.None.getUri().equals(e.getSecurityPolicyUri()))
                        .findFirst(),
                t -> { },
                b -> b.setApplicationUri("urn:aoi:test-client:demo")
                        .setIdentityProvider(AnonymousProvider.INSTANCE)
                        .setRequestTimeout(Unsigned.uint(10_000)));
        return c.connect();
    }

    /** Client on the production profile's Basic256Sha256 SignAndEncrypt endpoint, connected. */
    public static OpcUaClient production(String url, ClientCert cert, String user, String password)
            throws UaException {
        return production(url, cert, user == null ? AnonymousProvider.INSTANCE : new UsernameProvider(user, password),
                SecurityPolicy.Basic256Sha256);
    }

    public static OpcUaClient production(String url, ClientCert cert, IdentityProvider identity,
            SecurityPolicy policy) throws UaException {
        return production(url, cert, identity, policy, null);
    }

    /**
     * As {@link #production(String, ClientCert, IdentityProvider, SecurityPolicy)}, connecting from the local
     * address {@code from} (for example 127.0.0.2, so that one machine plays several client addresses on loopback);
     * null lets the system choose.
     */
    public static OpcUaClient production(String url, ClientCert cert, IdentityProvider identity,
            SecurityPolicy policy, InetAddress from) throws UaException {
        OpcUaClient c = OpcUaClient.create(url,
                eps -> eps.stream().filter(e -> policy.getUri().equals(e.getSecurityPolicyUri())
                        && e.getSecurityMode() == MessageSecurityMode.SignAndEncrypt).findFirst(),
                t -> {
                    if (from != null) {
                        t.setBootstrapCustomizer(b -> b.localAddress(new InetSocketAddress(from, 0)));
                    }
                },
                b -> b.setApplicationUri(cert.applicationUri())
                        .setKeyPair(cert.keyPair())
                        .setCertificate(cert.certificate())
                        .setCertificateChain(new X509Certificate[] {cert.certificate()})
                        // the test trusts whatever server it started itself
                        .setCertificateValidator(new CertificateValidator.InsecureCertificateValidator())
                        .setIdentityProvider(identity)
                        .setRequestTimeout(Unsigned.uint(10_000)));
        return c.connect();
    }

    /** Index of the OPC 40100 MachineVision namespace in the server's namespace table. */
    public static int mv(OpcUaClient client) {
        return client.getNamespaceTable().getIndex(MvIds.NAMESPACE_URI).intValue();
    }

    /** A NodeId of the official NodeSet, e.g. {@code mvId(c, 1003)} for VisionSystemType. */
    public static NodeId mvId(OpcUaClient client, int numeric) {
        return new NodeId(mv(client), numeric);
    }

    /**
     * Select clauses: EventId, Time, SourceNode, then {@link #FIELDS} in the MachineVision namespace, all through
     * the official ResultReadyEventType {@code MV;i=1024}.
     */
    public static EventFilter resultReadyFilter(OpcUaClient client) {
        int ns = mv(client);
        NodeId type = mvId(client, 1024);
        List<SimpleAttributeOperand> select = new ArrayList<>();
        for (String base : List.of("EventId", "Time", "SourceNode")) {
            select.add(new SimpleAttributeOperand(NodeIds.BaseEventType, new QualifiedName[] {new QualifiedName(0,
                    base)}, AttributeId.Value.uid(), null));
        }
        for (String f : FIELDS) {
            select.add(new SimpleAttributeOperand(type, new QualifiedName[] {new QualifiedName(ns, f)},
                    AttributeId.Value.uid(), null));
        }
        return new EventFilter(select.toArray(SimpleAttributeOperand[]::new), new ContentFilter(null));
    }

    /**
     * An ExtensionObject of a MachineVision structure, encoded by the client from the DataTypeDefinition the
     * server publishes (not by the server's own codec).
     *
     * @param dataType numeric id of the DataType, e.g. 3021 for ResultIdDataType
     */
    public static ExtensionObject struct(OpcUaClient client, int dataType, Map<String, Object> members)
            throws UaException {
        DataType dt = client.getDataTypeTree().getDataType(mvId(client, dataType));
        if (dt == null) {
            throw new IllegalStateException("the server's DataType tree lacks MV;i=" + dataType);
        }
        DynamicStructType s = DynamicStructType.newInstance(dt);
        s.getMembers().putAll(members);
        return ExtensionObject.encode(client.getDynamicEncodingContext(), s);
    }

    /** An identifier structure {Id} (ResultId, JobId, RecipeIdInternal, ...). */
    public static ExtensionObject id(OpcUaClient client, int dataType, String id) throws UaException {
        return struct(client, dataType, Map.of("Id", id));
    }

    /** The members of a MachineVision structure, decoded by the client from the server's DataTypeDefinitions. */
    public static Map<String, Object> members(OpcUaClient client, Object extensionObject) throws UaException {
        ExtensionObject eo = (ExtensionObject) extensionObject;
        return ((DynamicStructType) eo.decode(client.getDynamicEncodingContext())).getMembers();
    }

    /** The station's JSON from a ResultContent field (BaseDataType[] holding one String). */
    public static String resultContent(Variant field) {
        Object[] items = (Object[]) field.value();
        Object first = items[0] instanceof Variant v ? v.value() : items[0];
        return (String) first;
    }

    /** The Id member of an identifier structure. */
    public static String idOf(OpcUaClient client, Object extensionObject) throws UaException {
        return (String) members(client, extensionObject).get("Id");
    }

    /** Subscribes to ResultReady events on {@code notifier}; received field arrays are added to the list. */
    public static OpcUaSubscription subscribeEvents(OpcUaClient client, NodeId notifier, List<Variant[]> sink,
            double publishingIntervalMillis) throws UaException {
        OpcUaSubscription sub = new OpcUaSubscription(client);
        sub.setPublishingInterval(publishingIntervalMillis);
        sub.create();
        OpcUaMonitoredItem item = OpcUaMonitoredItem.newEventItem(notifier, resultReadyFilter(client));
        item.setQueueSize(Unsigned.uint(10_000));
        item.setEventValueListener((i, values) -> sink.add(values));
        sub.addMonitoredItem(item);
        sub.synchronizeMonitoredItems();
        return sub;
    }

    public static List<Variant[]> newSink() {
        return new CopyOnWriteArrayList<>();
    }

    /**
     * Waits until {@code list} (a sink filled by another thread) holds at least {@code n} entries.
     *
     * @param what what the entries are, for the failure message
     * @return the list's size then, for the caller to check that no more arrived than expected
     * @throws org.awaitility.core.ConditionTimeoutException after {@code atMost}, naming {@code what}
     */
    public static int await(List<?> list, int n, Duration atMost, String what) {
        Awaitility.await(n + " " + what).atMost(atMost).pollInterval(Duration.ofMillis(10))
                .until(() -> list.size() >= n);
        return list.size();
    }

    /** Station S1's node at {@code path} (browse names below its VisionSystem) in the station's namespace. */
    static NodeId stationNode(OpcUaClient c, String path) {
        int ns = c.getNamespaceTable().getIndex(MachineVisionNamespace.NAMESPACE_URI).intValue();
        return new NodeId(ns, "S1/" + path);
    }

    /** Writes RecipeManagement/DeblurIterations of station S1; the write's status. */
    static StatusCode writeIterations(OpcUaClient c, int n) throws Exception {
        return c.writeValues(List.of(stationNode(c, "RecipeManagement/DeblurIterations")),
                List.of(new DataValue(new Variant(n)))).get(0);
    }
}
