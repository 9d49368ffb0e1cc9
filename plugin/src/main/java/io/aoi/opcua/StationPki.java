package io.aoi.opcua;

import io.aoi.config.IpLiteral;
import io.aoi.config.OpcUaSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.MemoryCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The server's certificate and the client trust list, kept in {@code pkiDir} (production profile; the demo profile
 * has no certificate):
 * <ul>
 * <li>{@code server-keystore.pfx} (+ {@code server-keystore.password}, owner-readable only): the self-signed server
 * certificate (RSA 2048, SHA-256), created on the first start and reused after; its subject alternative names are
 * {@link #hostnamesFor}, and a reused certificate that lacks one of them is refused with a message saying to delete
 * it;</li>
 * <li>{@code trusted/certs}: client certificates (DER {@code .der}) that may connect;</li>
 * <li>{@code rejected}: certificates of clients that were refused, to be moved to {@code trusted/certs} by an
 * administrator;</li>
 * <li>{@code issuer/certs}, {@code issuer/crl}, {@code trusted/crl}: CA certificates and revocation lists.</li>
 * </ul>
 */
final class StationPki {
    static {
        // Aes256_Sha256_RsaPss needs the Bouncy Castle provider.
        if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
            Security.addProvider(new BouncyCastleProvider());
        }
    }

    final DefaultCertificateManager certificateManager;
    final X509Certificate certificate;
    final String applicationUri;

    private StationPki(DefaultCertificateManager certificateManager, X509Certificate certificate,
            String applicationUri) {
        this.certificateManager = certificateManager;
        this.certificate = certificate;
        this.applicationUri = applicationUri;
    }

    /** No certificate: for the demo profile, whose only endpoint uses SecurityPolicy None. */
    static StationPki none(String stationId) {
        return new StationPki(new DefaultCertificateManager(new MemoryCertificateQuarantine()), null,
                "urn:aoi:station:" + stationId);
    }

    static StationPki load(Path pkiDir, String stationId, Set<String> hostnames) throws OpcUaException {
        String applicationUri = "urn:aoi:station:" + stationId;
        try {
            Files.createDirectories(pkiDir);
            char[] password = keyStorePassword(pkiDir.resolve("server-keystore.password"));
            var store = KeyStoreCertificateStore.createAndInitialize(new KeyStoreCertificateStore.Settings(
                    pkiDir.resolve("server-keystore.pfx"), () -> password.clone(), alias -> password.clone()));
            var trustList = FileBasedTrustListManager.createAndInitialize(pkiDir);
            var quarantine = FileBasedCertificateQuarantine.create(pkiDir.resolve("rejected"));
            var factory = new RsaSha256CertificateFactory() {
                @Override
                protected X509Certificate[] createRsaSha256CertificateChain(KeyPair keyPair)
                        throws Exception {
                    SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(keyPair)
                            .setCommonName("AOI station " + stationId)
                            .setOrganization("ACF bond inspection")
                            .setApplicationUri(applicationUri);
                    for (String h : hostnames) {
                        if (IpLiteral.parse(h).isPresent()) {
                            b.addIpAddress(h);
                        } else {
                            b.addDnsName(h);
                        }
                    }
                    return new X509Certificate[] {b.build()};
                }
            };
            var validator = new DefaultServerCertificateValidator(trustList, quarantine);
            var group = DefaultApplicationGroup.createAndInitialize(trustList, store, factory, validator);
            CertificateGroup.Entry entry = group.getCertificateEntries().get(0);
            X509Certificate cert = entry.certificateChain[0];
            String uri = CertificateUtil.getSanUri(cert).orElseThrow(() -> new OpcUaException(
                    "server certificate in " + pkiDir + " has no application URI; delete server-keystore.pfx to "
                            + "create a new one"));
            List<String> missing = missingNames(cert, hostnames);
            if (!missing.isEmpty()) {
                throw new OpcUaException("server certificate in " + pkiDir + "/server-keystore.pfx does not name "
                        + missing + " (it names " + CertificateUtil.getSanDnsNames(cert) + " and "
                        + CertificateUtil.getSanIpAddresses(cert) + "); clients that check host names would refuse "
                        + "it. Delete server-keystore.pfx to create a certificate for " + hostnames
                        + ", then trust the new certificate on the clients");
            }
            return new StationPki(new DefaultCertificateManager(quarantine, group), cert, uri);
        } catch (OpcUaException e) {
            throw e;
        } catch (Exception e) {
            throw new OpcUaException("cannot set up the OPC UA certificates in " + pkiDir + ": " + e.getMessage(), e);
        }
    }

    private static char[] keyStorePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).trim().toCharArray();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, password, StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the directory's permissions protect the file
        }
        return password.toCharArray();
    }

    /**
     * The names the certificate carries as subject alternative names: the advertised host (what clients connect to,
     * {@link OpcUaSettings#endpointHost()}), the bind address unless it is a wildcard, and localhost / 127.0.0.1 for
     * clients on the station itself.
     */
    static Set<String> hostnamesFor(OpcUaSettings settings) {
        Set<String> names = new LinkedHashSet<>();
        names.add(settings.endpointHost());
        if (!IpLiteral.isWildcard(settings.bindAddress())) {
            names.add(settings.bindAddress());
        }
        names.add("localhost");
        names.add("127.0.0.1");
        return names;
    }

    /** Names of {@code wanted} the certificate lacks (DNS names compared without case, addresses by value). */
    static List<String> missingNames(X509Certificate cert, Set<String> wanted) {
        List<String> dns = CertificateUtil.getSanDnsNames(cert).stream().map(n -> n.toLowerCase(Locale.ROOT))
                .toList();
        List<InetAddress> ips = CertificateUtil.getSanIpAddresses(cert).stream().map(IpLiteral::parse)
                .flatMap(Optional::stream).toList();
        List<String> missing = new ArrayList<>();
        for (String w : wanted) {
            Optional<InetAddress> ip = IpLiteral.parse(w);
            boolean present = ip.isPresent() ? ips.contains(ip.get()) : dns.contains(w.toLowerCase(Locale.ROOT));
            if (!present) {
                missing.add(w);
            }
        }
        return missing;
    }
}
