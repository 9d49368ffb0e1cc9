package io.aoi.opcua;

import io.aoi.config.Role;
import io.aoi.config.SecurityProfile;
import io.aoi.config.UserAccount;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;

/**
 * Maps OPC UA sessions to roles. User names and passwords come from the station file; anonymous sessions (demo
 * profile only, loopback only) act as {@link Role#ENGINEER}. Immutable, thread-safe.
 */
final class UserDirectory {
    static final String ANONYMOUS = "anonymous";

    private final SecurityProfile profile;
    private final Map<String, UserAccount> users = new LinkedHashMap<>();

    UserDirectory(SecurityProfile profile, List<UserAccount> accounts) {
        this.profile = profile;
        for (UserAccount a : accounts) {
            users.put(a.name(), a);
        }
    }

    /** Whether the name and password match an account. */
    boolean authenticate(String name, String password) {
        UserAccount a = users.get(name);
        if (a == null || password == null) {
            return false;
        }
        return PasswordVerifier.verify(password.toCharArray(), a.passwordHash());
    }

    /** The role of a session; empty when the session has no identity the server accepts. */
    Optional<Role> roleOf(Optional<Session> session) {
        if (session.isEmpty()) {
            return Optional.of(Role.ENGINEER); // the server itself
        }
        Identity id = session.get().getIdentity();
        if (id instanceof Identity.UsernameIdentity u) {
            return Optional.ofNullable(users.get(u.getUsername())).map(UserAccount::role);
        }
        if (id instanceof Identity.AnonymousIdentity && profile == SecurityProfile.DEMO) {
            return Optional.of(Role.ENGINEER);
        }
        return Optional.empty();
    }

    /** User name for audit records. */
    String userName(Optional<Session> session) {
        if (session.isPresent() && session.get().getIdentity() instanceof Identity.UsernameIdentity u) {
            return u.getUsername();
        }
        return session.isPresent() ? ANONYMOUS : "server";
    }
}
