package io.aoi.opcua;

import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

import io.aoi.config.OpcUaSettings;
import io.aoi.config.SecurityProfile;
import io.aoi.results.InspectionResult;
import io.aoi.results.ResultSink;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.milo.opcua.sdk.server.EndpointConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.OpcUaServerConfigLimits;
import org.eclipse.milo.opcua.sdk.server.identity.AnonymousIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.IdentityValidator;
import org.eclipse.milo.opcua.sdk.server.servicesets.AttributeServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.MethodServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultAttributeServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultMethodServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.impl.DefaultSessionServiceSet;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.transport.TransportProfile;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransport;
import org.eclipse.milo.opcua.stack.transport.server.tcp.OpcTcpServerTransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's embedded OPC UA server (OPC 40100 Machine Vision model, see {@code plugin/OPCUA.md}).
 *
 * <p>Security: the DEMO profile offers SecurityPolicy None with anonymous access (as
 * {@link OpcUaSettings#effectiveAnonymousRole()}: OPERATOR unless the station file names another role) and is bound
 * to loopback only (enforced by {@link OpcUaSettings}). The PRODUCTION profile offers Basic256Sha256 and
 * Aes256_Sha256_RsaPss with SignAndEncrypt only, user name and password (PBKDF2 hashes from the station file, checked
 * through a {@link LoginThrottle}) and no anonymous access; client certificates must be in
 * {@code pkiDir/trusted/certs}, refused ones are copied to {@code pkiDir/rejected}. GetEndpoints is answered on an
 * unsecured channel, as discovery requires; sessions are only created on the secured endpoints. Endpoints advertise
 * {@link OpcUaSettings#endpointHost()}. Sessions are limited per client address and time out when idle
 * ({@link SessionGuard}); failed logins, refusals, recipe changes and state machine calls go to the
 * {@link SecurityLog} of the {@link SecurityOptions}.
 *
 * <p>Threads: {@link #accept} only queues the result (capacity {@link #EVENT_QUEUE_CAPACITY}); one publishing thread
 * updates LastResult and fires the ResultReady event. If the queue is full the event is dropped and counted in
 * Diagnostics/ResultEventsDropped (the result itself is in the journal and can be fetched with GetResultById).
 * All public methods are thread-safe. The owner closes the server; {@link #close} is idempotent.
 */
public final class StationServer implements AutoCloseable, ResultSink {
    /** Results waiting for their event before {@link #accept} starts dropping events. */
    public static final int EVENT_QUEUE_CAPACITY = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(StationServer.class);
    private static final String PATH = "/aoi";

    private record Pending(InspectionResult result, Instant acceptedAt) {
    }

    private static final Pending STOP = new Pending(null, Instant.EPOCH);

    private final OpcUaServer server;
    private final MachineVisionNamespace namespace;
    private final int port;
    private final String endpointUrl;
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(EVENT_QUEUE_CAPACITY);
    private final AtomicLong eventsDropped = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread publisher;

    private StationServer(OpcUaServer server, MachineVisionNamespace namespace, int port, String endpointUrl) {
        this.server = server;
        this.namespace = namespace;
        this.port = port;
        this.endpointUrl = endpointUrl;
        this.publisher = new Thread(this::publishLoop, "opcua-result-publisher");
        this.publisher.setDaemon(true);
    }

    /**
     * Starts a server whose state machine methods are accepted without side effects
     * ({@link VisionControl#ACCEPT_ALL}) and whose security events go to SLF4J only.
     */
    public static StationServer start(OpcUaSettings settings, StationIdentity identity, RecipeControl recipes,
            ResultQuery query) throws OpcUaException {
        return start(settings, identity, recipes, query, VisionControl.ACCEPT_ALL);
    }

    /** Starts a server whose security events go to SLF4J only ({@link SecurityLog#loggerOnly()}), default limits. */
    public static StationServer start(OpcUaSettings settings, StationIdentity identity, RecipeControl recipes,
            ResultQuery query, VisionControl control) throws OpcUaException {
        return start(settings, identity, recipes, query, control,
                SecurityOptions.defaults(SecurityLog.loggerOnly(), settings.profile()));
    }

    /**
     * Binds, builds the address space and starts serving. Port 0 picks a free port (found by binding a probe socket
     * first; {@link #port()} tells which).
     *
     * @param security the security log and the session and login limits (see {@code plugin/OPCUA.md}, Security)
     * @throws OpcUaException when the port cannot be bound or the certificates in {@code pkiDir} cannot be set up
     */
    public static StationServer start(OpcUaSettings settings, StationIdentity identity, RecipeControl recipes,
            ResultQuery query, VisionControl control, SecurityOptions security) throws OpcUaException {
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(recipes, "recipes");
        return start(settings, identity, recipes, query, new VisionStateMachine(control, recipes::isPrepared),
                security);
    }

    /**
     * As {@link #start(OpcUaSettings, StationIdentity, RecipeControl, ResultQuery, VisionControl, SecurityOptions)},
     * over the station's own state machine: the server's state machine methods drive it and its nodes show every
     * change, whoever makes it. The machine is not owned: it outlives the server.
     */
    public static StationServer start(OpcUaSettings settings, StationIdentity identity, RecipeControl recipes,
            ResultQuery query, VisionStateMachine machine, SecurityOptions security) throws OpcUaException {
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(recipes, "recipes");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(machine, "machine");
        int port = settings.port() == 0 ? freePort(settings.bindAddress()) : settings.port();
        if (settings.port() != 0) {
            requireFree(settings.bindAddress(), port);
        }
        String host = settings.endpointHost().contains(":") ? "[" + settings.endpointHost() + "]"
                : settings.endpointHost();
        StationPki pki = settings.profile() == SecurityProfile.DEMO ? StationPki.none(identity.stationId())
                : StationPki.load(settings.pkiDir(), identity.stationId(), StationPki.hostnamesFor(settings));
        UserDirectory users = new UserDirectory(settings.effectiveAnonymousRole(), settings.users());
        SecurityLog log = security.log();
        SessionLimits sessionLimits = security.sessions();
        OpcUaServerConfig config = OpcUaServerConfig.builder()
                .setApplicationUri(pki.applicationUri)
                .setProductUri("urn:aoi:acf-inspection")
                .setApplicationName(LocalizedText.english("ACF AOI station " + identity.stationId()))
                .setBuildInfo(new BuildInfo("urn:aoi:acf-inspection", "aoi", "ACF AOI plugin", OpcUaServer.SDK_VERSION,
                        "", DateTime.now()))
                .setEndpoints(endpoints(settings, host, port, pki))
                .setCertificateManager(pki.certificateManager)
                .setIdentityValidator(identityValidator(settings.profile(), users, security))
                .setLimits(limits(sessionLimits, SubscriptionLimits.DEFAULTS))
                .build();
        ConnectionLimiter connections = new ConnectionLimiter(sessionLimits.maxConnectionsPerClient(), log);
        OpcUaServer server = new OpcUaServer(config, profile -> {
            if (profile != TransportProfile.TCP_UASC_UABINARY) {
                throw new IllegalArgumentException("unsupported transport " + profile);
            }
            return new OpcTcpServerTransport(OpcTcpServerTransportConfig.newBuilder()
                    .setChannelPipelineCustomizer(p -> p.addFirst("aoi-connection-limit", connections))
                    .build());
        });
        server.getAddressSpaceManager().registerFirst(new EventQueueCap(SubscriptionLimits.DEFAULTS));
        SessionGuard guard = new SessionGuard(server, new DefaultSessionServiceSet(server), sessionLimits, log);
        server.addServiceSet(PATH, guard);
        server.getSessionManager().addSessionListener(guard);
        DenialAuditor auditor = new DenialAuditor(server, new DefaultMethodServiceSet(server),
                new DefaultAttributeServiceSet(server), users, log);
        server.addServiceSet(PATH, (MethodServiceSet) auditor);
        server.addServiceSet(PATH, (AttributeServiceSet) auditor);
        MachineVisionNamespace ns = new MachineVisionNamespace(server, identity, new AuditedRecipeControl(recipes, log),
                query, machine, new RolePolicy(users, log));
        ns.startup();
        try {
            server.startup().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            shutdownQuietly(server, ns);
            throw new OpcUaException("interrupted while starting the OPC UA server on port " + port, e);
        } catch (ExecutionException | TimeoutException e) {
            shutdownQuietly(server, ns);
            requireFree(settings.bindAddress(), port); // taken between the probe and the bind: say so
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new OpcUaException("cannot start the OPC UA server on " + settings.bindAddress() + ":" + port + ": "
                    + cause.getMessage(), cause);
        }
        String url = "opc.tcp://" + host + ":" + port + PATH;
        StationServer s = new StationServer(server, ns, port, url);
        s.publisher.start();
        LOG.info("OPC UA server for station {} at {} ({} profile)", identity.stationId(), url, settings.profile());
        return s;
    }

    private static Set<EndpointConfig> endpoints(OpcUaSettings settings, String host, int port, StationPki pki) {
        Set<EndpointConfig> out = new LinkedHashSet<>();
        EndpointConfig.Builder base = EndpointConfig.newBuilder()
                .setTransportProfile(TransportProfile.TCP_UASC_UABINARY)
                .setBindAddress(settings.bindAddress())
                .setBindPort(port)
                .setHostname(host)
                .setPath(PATH);
        if (pki.certificate != null) {
            base.setCertificate(pki.certificate);
        }
        if (settings.profile() == SecurityProfile.DEMO) {
            out.add(base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None)
                    .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS).build());
        } else {
            for (SecurityPolicy p : new SecurityPolicy[] {SecurityPolicy.Basic256Sha256,
                    SecurityPolicy.Aes256_Sha256_RsaPss}) {
                out.add(base.copy().setSecurityPolicy(p).setSecurityMode(MessageSecurityMode.SignAndEncrypt)
                        .addTokenPolicies(USER_TOKEN_POLICY_USERNAME).build());
            }
        }
        return out;
    }

    private static IdentityValidator identityValidator(SecurityProfile profile, UserDirectory users,
            SecurityOptions security) {
        if (profile == SecurityProfile.DEMO) {
            return AnonymousIdentityValidator.INSTANCE;
        }
        return new PasswordLoginValidator(users, new LoginThrottle(security.logins()), security.log());
    }

    private static OpcUaServerConfigLimits limits(SessionLimits sessions, SubscriptionLimits subscriptions) {
        return new OpcUaServerConfigLimits() {
            @Override
            public UInteger getMaxSessions() {
                return Unsigned.uint(sessions.maxSessions());
            }

            @Override
            public Double getMaxSessionTimeout() {
                return (double) sessions.maxSessionTimeoutMillis();
            }

            @Override
            public UInteger getMaxSubscriptionsPerSession() {
                return Unsigned.uint(subscriptions.maxSubscriptionsPerSession());
            }

            @Override
            public UInteger getMaxSubscriptions() {
                return Unsigned.uint(subscriptions.maxSubscriptions());
            }

            @Override
            public UInteger getMaxMonitoredItemsPerSession() {
                return Unsigned.uint(subscriptions.maxItemsPerSession());
            }

            @Override
            public UInteger getMaxMonitoredItems() {
                return Unsigned.uint(subscriptions.maxItems());
            }

            @Override
            public Double getMaxPublishingInterval() {
                return (double) subscriptions.maxPublishingIntervalMillis();
            }

            @Override
            public Double getMaxSubscriptionLifetime() {
                return (double) subscriptions.maxLifetimeMillis();
            }
        };
    }

    private static int freePort(String bindAddress) throws OpcUaException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new OpcUaException("cannot find a free port on " + bindAddress + ": " + e.getMessage(), e);
        }
    }

    /**
     * Binds and releases the port once before the server binds it, so that a port in use is one line naming it
     * (the server itself would log the bind failure with its whole stack).
     */
    private static void requireFree(String bindAddress, int port) throws OpcUaException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getByName(bindAddress), port));
        } catch (BindException inUse) {
            throw new OpcUaException(portInUse(bindAddress, port), inUse);
        } catch (IOException e) {
            throw new OpcUaException("cannot bind port " + port + " on " + bindAddress + ": " + e.getMessage(), e);
        }
    }

    static String portInUse(String bindAddress, int port) {
        return "port " + port + " on " + bindAddress + " is in use; allowed: a free port (opcua.port), or stop "
                + "what holds it";
    }

    private static void shutdownQuietly(OpcUaServer server, MachineVisionNamespace ns) {
        try {
            ns.shutdown();
            server.shutdown().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("OPC UA server shutdown after a failed start: {}", e.toString());
        }
    }

    /** The TCP port the server listens on. */
    public int port() {
        return port;
    }

    /** {@code opc.tcp://<advertised host or bind address>:<port>/aoi}, as the endpoints advertise it. */
    public String endpointUrl() {
        return endpointUrl;
    }

    /**
     * Queues the result for its ResultReady event and the LastResult variables; never blocks. Call it after the
     * result is durable (journal append returned).
     */
    @Override
    public void accept(InspectionResult result) {
        Objects.requireNonNull(result, "result");
        if (closed.get()) {
            return;
        }
        if (!queue.offer(new Pending(result, Instant.now()))) {
            long n = eventsDropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("OPC UA result events are falling behind: {} events dropped (results stay in the journal)",
                        n);
            }
            namespace.showEventsDropped(n);
        }
    }

    /** Publishes a diagnostics snapshot. */
    public void updateDiagnostics(Diagnostics d) {
        namespace.showDiagnostics(Objects.requireNonNull(d, "d"));
    }

    /**
     * Publishes the focus monitor: the latest defocus estimate (sigma of the equivalent Gaussian, px; NaN while
     * the model makes none) and how often it has crossed the station's focus-drift threshold.
     */
    public void updateFocus(double defocusSigmaPx, long focusDriftWarnings) {
        namespace.showFocus(defocusSigmaPx, focusDriftWarnings);
    }

    /** Sets the state machine as the pipeline sees it (for example ERROR after a camera failure). */
    public void setState(VisionState state) {
        namespace.setState(Objects.requireNonNull(state, "state"));
    }

    /** The state machine's current state. */
    public VisionState state() {
        return namespace.state();
    }

    /** Events dropped because the publishing queue was full. */
    public long eventsDropped() {
        return eventsDropped.get();
    }

    private void publishLoop() {
        while (true) {
            Pending p;
            try {
                p = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (p == STOP) {
                return;
            }
            try {
                namespace.publish(p.result(), p.acceptedAt());
            } catch (Exception e) {
                LOG.error("ResultReady event for {} failed: {}", p.result().resultId(), e.toString(), e);
            }
        }
    }

    /**
     * Publishes the events already queued (up to 5 s), then closes sessions and the port. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (queue.offer(STOP, 5, TimeUnit.SECONDS)) {
                publisher.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publisher.interrupt();
        shutdownQuietly(server, namespace);
        LOG.info("OPC UA server at {} closed", endpointUrl);
    }
}
