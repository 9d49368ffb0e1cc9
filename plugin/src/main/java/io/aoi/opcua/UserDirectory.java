package io.aoi.opcua;

import io.aoi.config.PasswordHash;
import io.aoi.config.Role;
import io.aoi.config.UserAccount;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;

/**
 * Maps OPC UA sessions to roles. User names and passwords come from the station file; anonymous sessions (demo
 * profile only, loopback only) act as the configured anonymous role ({@code opcua.anonymousRole}, OPERATOR unless
 * the station file says otherwise).
 *
 * <p>{@link #authenticate} costs the same for an unknown user name as for a known one with a wrong password: an
 * unknown name (or a missing password) is checked against a dummy hash with the largest iteration count of the
 * configured accounts, and then refused. Immutable, thread-safe.
 */
final class UserDirectory {
    static final String ANONYMOUS = "anonymous";

    private final Optional<Role> anonymousRole;
    private final Map<String, UserAccount> users = new LinkedHashMap<>();
    private final BiPredicate<char[], String> verifier;
    private final String dummyHash;

    /**
     * @param anonymousRole the role of anonymous sessions; empty when anonymous sessions have no role (production)
     */
    UserDirectory(Optional<Role> anonymousRole, List<UserAccount> accounts) {
        this(anonymousRole, accounts, PasswordHash::verifyPassword);
    }

    /** @param verifier checks a password against an encoded hash ({@link PasswordHash#verifyPassword}) */
    UserDirectory(Optional<Role> anonymousRole, List<UserAccount> accounts, BiPredicate<char[], String> verifier) {
        this.anonymousRole = anonymousRole;
        this.verifier = verifier;
        int iterations = PasswordHash.DEFAULT_ITERATIONS;
        boolean any = false;
        for (UserAccount a : accounts) {
            users.put(a.name(), a);
            int n = iterationsOf(a.passwordHash());
            iterations = any ? Math.max(iterations, n) : n;
            any = true;
        }
        this.dummyHash = dummyHash(Math.min(iterations, PasswordHash.MAX_ITERATIONS));
    }

    /** Whether the name and password match an account; an unknown name costs one check against the dummy hash. */
    boolean authenticate(String name, String password) {
        UserAccount a = name == null ? null : users.get(name);
        char[] given = password == null ? new char[] {'\0'} : password.toCharArray();
        try {
            boolean match = verify(given, a == null ? dummyHash : a.passwordHash());
            return match && a != null && password != null;
        } finally {
            Arrays.fill(given, '\0');
        }
    }

    private boolean verify(char[] given, String hash) {
        try {
            return verifier.test(given, hash);
        } catch (IllegalArgumentException malformedHash) {
            return false;
        }
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
        if (id instanceof Identity.AnonymousIdentity) {
            return anonymousRole;
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

    /** The dummy hash's iteration count (for tests). */
    int dummyIterations() {
        return iterationsOf(dummyHash);
    }

    private static int iterationsOf(String encoded) {
        String[] parts = encoded.split("\\$");
        try {
            return parts.length == 4 ? Integer.parseInt(parts[1]) : PasswordHash.DEFAULT_ITERATIONS;
        } catch (NumberFormatException e) {
            return PasswordHash.DEFAULT_ITERATIONS;
        }
    }

    /** A well-formed hash no password matches (random salt and random 32-byte "hash"); costs nothing to make. */
    private static String dummyHash(int iterations) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[16];
        byte[] hash = new byte[32];
        random.nextBytes(salt);
        random.nextBytes(hash);
        Base64.Encoder b64 = Base64.getEncoder();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }
}
