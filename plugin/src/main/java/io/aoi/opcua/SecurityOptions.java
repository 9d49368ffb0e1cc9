package io.aoi.opcua;

import io.aoi.config.SecurityProfile;
import java.util.Objects;

/**
 * How a {@link StationServer} guards itself: where security events go and its session and login limits.
 *
 * @param log      the security and audit log; owned by the caller, who closes it after the server
 * @param sessions session limits
 * @param logins   login throttling (production profile; the demo profile has no passwords)
 */
public record SecurityOptions(SecurityLog log, SessionLimits sessions, LoginLimits logins) {
    public SecurityOptions {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(logins, "logins");
    }

    /** The defaults of the profile ({@link SessionLimits#DEMO_DEFAULTS} or {@link SessionLimits#DEFAULTS}). */
    public static SecurityOptions defaults(SecurityLog log, SecurityProfile profile) {
        return new SecurityOptions(log, profile == SecurityProfile.DEMO ? SessionLimits.DEMO_DEFAULTS
                : SessionLimits.DEFAULTS, LoginLimits.DEFAULTS);
    }

    public SecurityOptions withSessions(SessionLimits limits) {
        return new SecurityOptions(log, limits, logins);
    }

    public SecurityOptions withLogins(LoginLimits limits) {
        return new SecurityOptions(log, sessions, limits);
    }
}
