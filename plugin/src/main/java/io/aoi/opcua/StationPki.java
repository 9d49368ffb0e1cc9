package io.aoi.opcua;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.eclipse.milo.opcua.stack.core.security.CertificateGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultApplicationGroup;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultServerCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.KeyStoreCertificateStore;
import org.eclipse.milo.opcua.stack.core.security.RsaSha256CertificateFactory;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;

/**
 * The server's certificate and the client trust list, kept in {@code pkiDir}:
 * <ul>
 * <li>{@code server-keystore.pfx} (+ {@code server-keystore.password}, owner-readable only): the self-signed server
 * certificate (RSA 2048, SHA-256), created on the first start and reused after;</li>
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
                protected X509Certificate[] createRsaSha256CertificateChain(java.security.KeyPair keyPair)
                        throws Exception {
                    SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(keyPair)
                            .setCommonName("AOI station " + stationId)
                            .setOrganization("ACF bond inspection")
                            .setApplicationUri(applicationUri);
                    for (String h : hostnames) {
                        if (h.matches("[0-9.]+") || h.contains(":")) {
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

    static Set<String> hostnamesFor(String bindAddress) {
        Set<String> names = new LinkedHashSet<>();
        names.add("localhost");
        names.add("127.0.0.1");
        names.add(bindAddress);
        return names;
    }
}
