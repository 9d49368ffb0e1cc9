package io.aoi.opcua;

import java.net.InetAddress;
import java.util.Map;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.identity.AbstractUsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.identity.DefaultUsernameIdentity;
import org.eclipse.milo.opcua.sdk.server.identity.Identity;

/**
 * Checks user names and passwords of ActivateSession through the {@link LoginThrottle} and the
 * {@link UserDirectory}, and writes each outcome to the {@link SecurityLog}: {@code login-ok}, {@code login-failed},
 * {@code login-throttled} (once per back-off period and key). Every refusal is Bad_UserAccessDenied, whether the
 * password was wrong, the user unknown or the login throttled, so a client learns nothing more from the status.
 * Thread-safe.
 */
final class PasswordLoginValidator extends AbstractUsernameIdentityValidator {
    private final UserDirectory users;
    private final LoginThrottle throttle;
    private final SecurityLog log;

    PasswordLoginValidator(UserDirectory users, LoginThrottle throttle, SecurityLog log) {
        this.users = users;
        this.throttle = throttle;
        this.log = log;
    }

    @Override
    protected Identity.UsernameIdentity authenticateUsernamePassword(Session session, String username,
            String password) {
        InetAddress client = session.getClientAddress();
        LoginThrottle.Decision decision = throttle.begin(username, client);
        if (decision instanceof LoginThrottle.Refused refused) {
            if (refused.firstOfRun()) {
                log.record(SecurityEvent.LOGIN_THROTTLED, username, client,
                        Map.of("reason", refused.reason(), "retryMillis", refused.retryMillis()));
            }
            return null;
        }
        LoginThrottle.Permit permit = ((LoginThrottle.Allowed) decision).permit();
        boolean ok = false;
        try {
            ok = users.authenticate(username, password);
        } finally {
            throttle.end(permit, ok);
        }
        if (ok) {
            log.record(SecurityEvent.LOGIN_OK, username, client, Map.of("session", session.getSessionId()
                    .toParseableString()));
            return new DefaultUsernameIdentity(username);
        }
        log.record(SecurityEvent.LOGIN_FAILED, username, client,
                Map.of("consecutiveFailures", throttle.failures(username)));
        return null;
    }
}
