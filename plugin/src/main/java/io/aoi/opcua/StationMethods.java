package io.aoi.opcua;

import io.aoi.config.Role;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;

/**
 * Binds handlers to the method nodes of the VisionSystem instance (whose arguments come from the NodeSet), checking
 * the caller's role first ({@link RoleCheckedMethod}); and reads the arguments the spec defines.
 */
final class StationMethods {
    /** A method body for an authorised caller. */
    @FunctionalInterface
    interface Handler {
        Variant[] call(String user, Variant[] in) throws UaException;
    }

    private final RolePolicy policy;

    StationMethods(RolePolicy policy) {
        this.policy = policy;
    }

    /** A method only controllers (ENGINEER) may call. */
    void controller(UaMethodNode node, Handler h) {
        bind(node, RolePolicy.CONTROLLERS, h);
    }

    /** A method result readers (MES, ENGINEER) may call. */
    void resultReader(UaMethodNode node, Handler h) {
        bind(node, RolePolicy.RESULT_READERS, h);
    }

    private void bind(UaMethodNode node, Set<Role> roles, Handler h) {
        new RoleCheckedMethod(node, policy, roles) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                return h.call(user, in);
            }
        };
    }

    /** The outputs of a method whose only output is Error: 0. */
    static Variant[] ok() {
        return new Variant[] {new Variant(0)};
    }

    static String string(Variant v) {
        return v == null || v.value() == null ? "" : v.value().toString();
    }

    static int int32(Variant v, String argument) throws UaException {
        if (v != null && v.value() instanceof Integer i) {
            return i;
        }
        if (v == null || v.value() == null) {
            return 0;
        }
        throw new UaException(StatusCodes.Bad_TypeMismatch, argument + " takes an Int32, got "
                + v.value().getClass().getSimpleName());
    }

    /** A UInt32 argument; a null value is 0. */
    static long uint32(Variant v, String argument) throws UaException {
        if (v != null && v.value() instanceof UInteger u) {
            return u.longValue();
        }
        if (v == null || v.value() == null) {
            return 0;
        }
        throw new UaException(StatusCodes.Bad_TypeMismatch, argument + " takes a UInt32, got "
                + v.value().getClass().getSimpleName());
    }
}
