package io.aoi.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The embedded OPC UA server.
 *
 * @param bindAddress    literal IP address to listen on ({@code 127.0.0.1}, {@code 0.0.0.0}, {@code ::1}, ...; host
 *                       names are refused, so nothing depends on a name service); the demo profile allows loopback
 *                       addresses only (127.0.0.0/8, ::1)
 * @param port           TCP port, 0 picks a free one
 * @param profile        security profile
 * @param users          accounts for the production profile
 * @param pkiDir         where the server keeps its certificate and the client trust list
 * @param advertisedHost the host name or IP address clients reach the server by: it goes into the endpoint URLs and
 *                       the server certificate's subject alternative names. Required in production when
 *                       {@code bindAddress} is a wildcard ({@code 0.0.0.0}, {@code ::}); defaults to the bind
 *                       address otherwise
 * @param anonymousRole  the role of anonymous sessions; demo profile only, {@link #DEFAULT_ANONYMOUS_ROLE} when empty
 */
public record OpcUaSettings(String bindAddress, int port, SecurityProfile profile, List<UserAccount> users,
        Path pkiDir, Optional<String> advertisedHost, Optional<Role> anonymousRole) {
    /** What anonymous sessions of the demo profile may do unless the station file names another role. */
    public static final Role DEFAULT_ANONYMOUS_ROLE = Role.OPERATOR;

    public OpcUaSettings {
        Check.nonBlank("bindAddress", bindAddress);
        Check.intRange("port", port, 0, 65535);
        Check.present("profile", profile);
        users = List.copyOf(Check.present("users", users));
        Check.present("pkiDir", pkiDir);
        Check.present("advertisedHost", advertisedHost);
        Check.present("anonymousRole", anonymousRole);
        if (profile == SecurityProfile.DEMO && !IpLiteral.isLoopback(bindAddress)) {
            throw new InvalidSettingException("bindAddress", bindAddress,
                    "a literal loopback IP address (127.0.0.1 to 127.255.255.254, or ::1) with the demo profile");
        }
        if (IpLiteral.parse(bindAddress).isEmpty()) {
            throw new InvalidSettingException("bindAddress", bindAddress,
                    "a literal IP address such as 127.0.0.1, 0.0.0.0, 192.168.10.20 or ::1 (no host names)");
        }
        if (profile == SecurityProfile.PRODUCTION && users.isEmpty()) {
            throw new InvalidSettingException("users", "[]", "at least one user with the production profile");
        }
        if (advertisedHost.isPresent()) {
            String host = advertisedHost.get();
            if (!IpLiteral.isHostName(host) && (IpLiteral.parse(host).isEmpty() || IpLiteral.isWildcard(host))) {
                throw new InvalidSettingException("advertisedHost", host,
                        "a host name (letters, digits, '-' and '.') or a literal IP address that is not a wildcard");
            }
        } else if (profile == SecurityProfile.PRODUCTION && IpLiteral.isWildcard(bindAddress)) {
            throw new InvalidSettingException("advertisedHost", "(missing)", "the host name clients connect to "
                    + "(for example aoi-line3.plant.example) when bindAddress " + bindAddress + " is a wildcard");
        }
        if (profile == SecurityProfile.PRODUCTION && anonymousRole.isPresent()) {
            throw new InvalidSettingException("anonymousRole", anonymousRole.get().name().toLowerCase(Locale.ROOT),
                    "no anonymousRole with the production profile (it has no anonymous access)");
        }
    }

    /** No advertised host (the bind address is advertised) and the default anonymous role. */
    public OpcUaSettings(String bindAddress, int port, SecurityProfile profile, List<UserAccount> users, Path pkiDir) {
        this(bindAddress, port, profile, users, pkiDir, Optional.empty(), Optional.empty());
    }

    /** The same settings advertising {@code host}. */
    public OpcUaSettings withAdvertisedHost(String host) {
        return new OpcUaSettings(bindAddress, port, profile, users, pkiDir, Optional.of(host), anonymousRole);
    }

    /** The same settings with anonymous sessions acting as {@code role} (demo profile only). */
    public OpcUaSettings withAnonymousRole(Role role) {
        return new OpcUaSettings(bindAddress, port, profile, users, pkiDir, advertisedHost, Optional.of(role));
    }

    /** The host in endpoint URLs and certificates: {@link #advertisedHost()} or else the bind address. */
    public String endpointHost() {
        return advertisedHost.orElse(bindAddress);
    }

    /** The role of anonymous sessions (demo profile); empty in production, which refuses anonymous sessions. */
    public Optional<Role> effectiveAnonymousRole() {
        return profile == SecurityProfile.DEMO ? Optional.of(anonymousRole.orElse(DEFAULT_ANONYMOUS_ROLE))
                : Optional.empty();
    }
}
