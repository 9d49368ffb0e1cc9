package io.aoi.opcua;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.servicesets.AttributeServiceSet;
import org.eclipse.milo.opcua.sdk.server.servicesets.MethodServiceSet;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.CallResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.HistoryUpdateResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.RequestHeader;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteRequest;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteResponse;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.eclipse.milo.opcua.stack.transport.server.ServiceRequestContext;

/**
 * Milo's Call and Write services, with every Bad_UserAccessDenied result written to the {@link SecurityLog} as
 * {@code access-denied} (user, client address, method or node id); a write to an attribute no role may write is
 * answered Bad_NotWritable instead and is no refusal of the user. Role checks happen in two places, Milo's own
 * check of UserExecutable / UserAccessLevel (which {@link RolePolicy} reports per session) and {@link RolePolicy}
 * inside the handlers; auditing the results here records a refusal once, whichever of the two refused it.
 * Thread-safe.
 */
final class DenialAuditor implements MethodServiceSet, AttributeServiceSet {
    private final OpcUaServer server;
    private final MethodServiceSet methods;
    private final AttributeServiceSet attributes;
    private final UserDirectory users;
    private final SecurityLog log;

    DenialAuditor(OpcUaServer server, MethodServiceSet methods, AttributeServiceSet attributes, UserDirectory users,
            SecurityLog log) {
        this.server = server;
        this.methods = methods;
        this.attributes = attributes;
        this.users = users;
        this.log = log;
    }

    @Override
    public CallResponse onCall(ServiceRequestContext ctx, CallRequest request) throws UaException {
        CallResponse response = methods.onCall(ctx, request);
        CallMethodRequest[] calls = request.getMethodsToCall();
        var results = response.getResults();
        if (calls == null || results == null) {
            return response;
        }
        for (int i = 0; i < Math.min(calls.length, results.length); i++) {
            if (denied(results[i].getStatusCode())) {
                record(ctx, request.getRequestHeader(), Map.of("action", "call", "method",
                        calls[i].getMethodId().toParseableString()));
            }
        }
        return response;
    }

    @Override
    public WriteResponse onWrite(ServiceRequestContext ctx, WriteRequest request) throws UaException {
        WriteResponse response = attributes.onWrite(ctx, request);
        WriteValue[] writes = request.getNodesToWrite();
        StatusCode[] results = response.getResults();
        if (writes == null || results == null) {
            return response;
        }
        StatusCode[] answered = results.clone();
        for (int i = 0; i < Math.min(writes.length, results.length); i++) {
            if (!denied(results[i])) {
                continue;
            }
            if (writableByNoOne(writes[i])) {
                // Milo checks the user's access before the node's own: a node no role may write is not writable,
                // which is no refusal of this user
                answered[i] = new StatusCode(StatusCodes.Bad_NotWritable);
            } else {
                record(ctx, request.getRequestHeader(), Map.of("action", "write", "node",
                        writes[i].getNodeId().toParseableString()));
            }
        }
        return new WriteResponse(response.getResponseHeader(), answered, response.getDiagnosticInfos());
    }

    /**
     * Whether the attribute is writable by nobody: a variable's Value whose AccessLevel lacks CurrentWrite, or any
     * other attribute of a node whose WriteMask is 0.
     */
    private boolean writableByNoOne(WriteValue write) {
        Optional<UaNode> node = server.getAddressSpaceManager().getManagedNode(write.getNodeId());
        if (node.isEmpty()) {
            return false;
        }
        if (AttributeId.Value.uid().equals(write.getAttributeId())) {
            return node.get() instanceof UaVariableNode variable
                    && !AccessLevel.fromValue(variable.getAccessLevel()).contains(AccessLevel.CurrentWrite);
        }
        UInteger mask = node.get().getWriteMask();
        return mask == null || mask.longValue() == 0;
    }

    private static boolean denied(StatusCode s) {
        return s != null && s.value() == StatusCodes.Bad_UserAccessDenied;
    }

    private void record(ServiceRequestContext ctx, RequestHeader header, Map<String, String> fields) {
        Optional<Session> session;
        try {
            session = Optional.of(server.getSessionManager().getSession(ctx, header));
        } catch (UaException gone) {
            session = Optional.empty();
        }
        String role = session.isEmpty() ? "unknown" : users.roleOf(session).map(Enum::name).orElse("no role");
        Map<String, Object> all = new LinkedHashMap<>(fields);
        all.put("role", role);
        all.put("status", "Bad_UserAccessDenied");
        log.record(SecurityEvent.ACCESS_DENIED, session.isEmpty() ? "unknown" : users.userName(session),
                session.map(Session::getClientAddress).orElse(ctx.clientAddress()), all);
    }

    @Override
    public ReadResponse onRead(ServiceRequestContext ctx, ReadRequest request) throws UaException {
        return attributes.onRead(ctx, request);
    }

    @Override
    public HistoryReadResponse onHistoryRead(ServiceRequestContext ctx, HistoryReadRequest request)
            throws UaException {
        return attributes.onHistoryRead(ctx, request);
    }

    @Override
    public HistoryUpdateResponse onHistoryUpdate(ServiceRequestContext ctx, HistoryUpdateRequest request)
            throws UaException {
        return attributes.onHistoryUpdate(ctx, request);
    }
}
