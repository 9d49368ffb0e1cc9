package io.aoi.opcua;

import io.aoi.config.Role;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DiagnosticInfo;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;

/**
 * A method whose caller must hold one of the given roles; refused with Bad_UserAccessDenied otherwise (logged as
 * {@code access-denied}). Calls of methods that change the station (those for {@link RolePolicy#CONTROLLERS}: the
 * state machine, recipe methods) are written to the {@link SecurityLog} as {@code method-call} with their inputs and
 * outcome; read-only methods (results) are not.
 */
abstract class RoleCheckedMethod extends AbstractMethodInvocationHandler {
    private final RolePolicy policy;
    private final Set<Role> roles;
    private final Argument[] inputs;
    private final Argument[] outputs;

    /** A method with the arguments its node already declares (a method built from a NodeSet declaration). */
    RoleCheckedMethod(UaMethodNode node, RolePolicy policy, Set<Role> roles) {
        this(node, policy, roles, orNone(node.getInputArguments()), orNone(node.getOutputArguments()));
    }

    private static Argument[] orNone(Argument[] a) {
        return a == null ? new Argument[0] : a;
    }

    RoleCheckedMethod(UaMethodNode node, RolePolicy policy, Set<Role> roles, Argument[] inputs,
            Argument[] outputs) {
        super(node);
        this.policy = policy;
        this.roles = roles;
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
        node.setInputArguments(this.inputs);
        node.setOutputArguments(this.outputs);
        // a null structure argument ("no filter") reaches Milo's argument check as a null Variant
        node.setInvocationHandler((ctx, request) -> {
            CallMethodResult mismatch = structureMismatch(node, request);
            return mismatch != null ? mismatch : invoke(ctx, withNullStructures(request));
        });
        node.getFilterChain().addLast(policy.userExecutable(roles));
    }

    /**
     * A value that is no ExtensionObject where the argument is a structure: Milo's own argument check casts it and
     * fails with a ClassCastException (Bad_InternalError and a stack trace in the log), so it is refused here as
     * Milo refuses other wrong types: Bad_InvalidArgument, Bad_TypeMismatch for that argument. Null otherwise.
     */
    private CallMethodResult structureMismatch(UaMethodNode node, CallMethodRequest request) {
        Variant[] in = request.getInputArguments();
        if (in == null || in.length != inputs.length) {
            return null; // Milo answers a wrong count itself
        }
        StatusCode[] results = new StatusCode[in.length];
        boolean bad = false;
        for (int i = 0; i < in.length; i++) {
            Object value = in[i] == null ? null : in[i].value();
            boolean structure = node.getNodeContext().getServer().getDataTypeTree()
                    .isStructType(inputs[i].getDataType());
            boolean mismatch = structure && value != null && !(value instanceof ExtensionObject)
                    && !(value instanceof ExtensionObject[]);
            results[i] = mismatch ? new StatusCode(StatusCodes.Bad_TypeMismatch) : StatusCode.GOOD;
            bad |= mismatch;
        }
        return bad ? new CallMethodResult(new StatusCode(StatusCodes.Bad_InvalidArgument), results,
                new DiagnosticInfo[0], new Variant[0]) : null;
    }

    /** Replaces null ExtensionObjects (no encoding, no body) among the inputs by null Variants. */
    private static CallMethodRequest withNullStructures(CallMethodRequest request) {
        Variant[] in = request.getInputArguments();
        if (in == null) {
            return request;
        }
        Variant[] out = in.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] != null && out[i].value() instanceof ExtensionObject eo && (eo.isNull()
                    || eo.getEncodingOrTypeId() == null || eo.getEncodingOrTypeId().isNull())) {
                out[i] = Variant.NULL_VALUE;
            }
        }
        return new CallMethodRequest(request.getObjectId(), request.getMethodId(), out);
    }

    @Override
    public Argument[] getInputArguments() {
        return inputs.clone();
    }

    @Override
    public Argument[] getOutputArguments() {
        return outputs.clone();
    }

    @Override
    protected final Variant[] invoke(InvocationContext ctx, Variant[] in) throws UaException {
        String method = getNode().getBrowseName().name();
        policy.require(ctx.getSession(), roles, "call " + method);
        String user = policy.userName(ctx.getSession());
        if (!roles.equals(RolePolicy.CONTROLLERS)) {
            return call(user, in);
        }
        String status = "Good";
        try {
            return call(user, in);
        } catch (UaException | RuntimeException e) {
            status = e instanceof UaException u ? StatusCodes.lookup(u.getStatusCode().value())
                    .map(names -> names[0]).orElse(u.getStatusCode().toString()) : e.getClass().getSimpleName();
            throw e;
        } finally {
            policy.log().record(SecurityEvent.METHOD_CALL, user, RolePolicy.clientOf(ctx.getSession()),
                    Map.of("method", method, "inputs", inputsText(in), "status", status));
        }
    }

    private static String inputsText(Variant[] in) {
        return Arrays.stream(in).map(v -> String.valueOf(v.value())).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Runs the method for an authorised caller. */
    protected abstract Variant[] call(String user, Variant[] in) throws UaException;
}
