package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.ProcessingTimes;
import io.aoi.results.Verdict;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.ObjectTypeManager;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectTypeNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * The ResultReadyEventType (subtype of BaseEventType) and the firing of one event per result. Fields, all in the
 * MachineVision namespace: IsPartial (Boolean), ResultState (Int32, {@link io.aoi.results.InspectionResult#resultState()}),
 * InternalRecipeId, InternalConfigurationId, JobId, ResultId (String), CreationTime (DateTime), ProcessingTimes
 * (Double[3]: deblur, detect, total ms) and ResultContent (String, JSON per {@link ResultContentJson}). Time is when
 * {@code accept()} received the result; ReceiveTime is when the event was fired.
 */
final class ResultReadyEvents {
    static final String TYPE_NAME = "ResultReadyEventType";

    private final OpcUaServer server;
    private final Nodes nodes;
    private final SecureRandom random = new SecureRandom();
    private NodeId typeId;

    ResultReadyEvents(OpcUaServer server, Nodes nodes) {
        this.server = server;
        this.nodes = nodes;
    }

    void declareType() {
        UaObjectTypeNode type = nodes.objectType(TYPE_NAME, NodeIds.BaseEventType);
        nodes.propertyDeclaration(type, "IsPartial", NodeIds.Boolean, false);
        nodes.propertyDeclaration(type, "ResultState", NodeIds.Int32, false);
        nodes.propertyDeclaration(type, "InternalRecipeId", NodeIds.String, false);
        nodes.propertyDeclaration(type, "InternalConfigurationId", NodeIds.String, false);
        nodes.propertyDeclaration(type, "JobId", NodeIds.String, false);
        nodes.propertyDeclaration(type, "ResultId", NodeIds.String, false);
        nodes.propertyDeclaration(type, "CreationTime", NodeIds.UtcTime, false);
        nodes.propertyDeclaration(type, "ProcessingTimes", NodeIds.Double, true);
        nodes.propertyDeclaration(type, "ResultContent", NodeIds.String, false);
        typeId = type.getNodeId();
        ObjectTypeManager.ObjectNodeConstructor ctor = BaseEventTypeNode::new;
        server.getObjectTypeManager().registerObjectType(typeId, BaseEventTypeNode.class, ctor);
    }

    NodeId typeId() {
        return typeId;
    }

    void fire(InspectionResult r, Instant acceptedAt, NodeId source, String sourceName, StationIdentity identity)
            throws UaException {
        BaseEventTypeNode e = server.getEventFactory().createEvent(nodes.id("Events/" + UUID.randomUUID()), typeId);
        try {
            byte[] eventId = new byte[16];
            random.nextBytes(eventId);
            e.setEventId(ByteString.of(eventId));
            e.setEventType(typeId);
            e.setSourceNode(source);
            e.setSourceName(sourceName);
            e.setTime(new DateTime(acceptedAt));
            e.setReceiveTime(DateTime.now());
            e.setMessage(LocalizedText.english("Result " + r.resultId() + " " + r.outcome() + " " + r.verdict()));
            e.setSeverity(Unsigned.ushort(r.verdict() == Verdict.OK ? 100 : 500));
            ProcessingTimes t = r.times() == null ? ProcessingTimes.NONE : r.times();
            set(e, "IsPartial", Boolean.FALSE);
            set(e, "ResultState", r.resultState());
            set(e, "InternalRecipeId", r.recipeId() == null ? "" : r.recipeId());
            set(e, "InternalConfigurationId", identity.configurationId());
            set(e, "JobId", r.jobId() == null ? identity.jobId() : r.jobId());
            set(e, "ResultId", r.resultId());
            set(e, "CreationTime", new DateTime(r.createdAt() == null ? acceptedAt : r.createdAt()));
            set(e, "ProcessingTimes", new Double[] {t.deblurMillis(), t.detectMillis(), t.totalMillis()});
            set(e, "ResultContent", ResultContentJson.of(r));
            server.getEventNotifier().fire(e);
        } finally {
            e.delete();
        }
    }

    private void set(BaseEventTypeNode e, String field, Object value) throws UaException {
        var node = e.getPropertyNode(nodes.name(field)).orElseThrow(() -> new UaException(
                StatusCodes.Bad_InternalError,
                TYPE_NAME + " instance lacks field " + field));
        node.setValue(new DataValue(new Variant(value)));
    }
}
