package io.aoi.opcua;

import io.aoi.config.Role;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;

/**
 * Who may do what, checked on the server for every call and write:
 * <ul>
 * <li>everyone authenticated: browse, read, subscribe;</li>
 * <li>{@link #RESULT_READERS} (MES, ENGINEER): the ResultManagement methods;</li>
 * <li>{@link #CONTROLLERS} (ENGINEER): recipe writes and the state machine methods.</li>
 * </ul>
 * OPERATOR may not call the result methods: operators watch the line; result history is MES's interface.
 * Refusals reach the {@link SecurityLog} through {@link DenialAuditor}, which sees every Bad_UserAccessDenied result.
 */
final class RolePolicy {
    static final Set<Role> RESULT_READERS = EnumSet.of(Role.MES, Role.ENGINEER);
    static final Set<Role> CONTROLLERS = EnumSet.of(Role.ENGINEER);

    private final UserDirectory users;
    private final SecurityLog log;

    RolePolicy(UserDirectory users, SecurityLog log) {
        this.users = users;
        this.log = log;
    }

    boolean allows(Optional<Session> session, Set<Role> roles) {
        return users.roleOf(session).map(roles::contains).orElse(false);
    }

    /** @throws UaException Bad_UserAccessDenied when the session's role is not in {@code roles} */
    void require(Optional<Session> session, Set<Role> roles, String action) throws UaException {
        if (!allows(session, roles)) {
            String role = users.roleOf(session).map(Role::name).orElse("no role");
            throw new UaException(StatusCodes.Bad_UserAccessDenied,
                    users.userName(session) + " (" + role + ") may not " + action + "; allowed roles: " + roles);
        }
    }

    String userName(Optional<Session> session) {
        return users.userName(session);
    }

    /** The client's address, or null for the server itself. */
    static InetAddress clientOf(Optional<Session> session) {
        return session.map(Session::getClientAddress).orElse(null);
    }

    /** The log refusals and audited calls go to. */
    SecurityLog log() {
        return log;
    }

    /** Reports UserExecutable per the caller's role on a method node. */
    AttributeFilter userExecutable(Set<Role> roles) {
        return new AttributeFilter() {
            @Override
            public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
                if (attributeId == AttributeId.UserExecutable) {
                    return allows(ctx.getSession(), roles);
                }
                return ctx.getAttribute(attributeId);
            }
        };
    }

    /** Reports UserAccessLevel per the caller's role on a writable variable: read-write for {@code writers}. */
    AttributeFilter userAccessLevel(Set<Role> writers) {
        return new AttributeFilter() {
            @Override
            public Object getAttribute(AttributeFilterContext ctx, AttributeId attributeId) {
                if (attributeId == AttributeId.UserAccessLevel) {
                    return AccessLevel.toValue(allows(ctx.getSession(), writers) ? AccessLevel.READ_WRITE
                            : AccessLevel.READ_ONLY);
                }
                return ctx.getAttribute(attributeId);
            }

            @Override
            public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
                    throws UaException {
                ctx.writeAttribute(attributeId, value); // keep later filters' write checks in the chain
            }
        };
    }
}
