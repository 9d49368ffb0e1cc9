package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.Verdict;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.server.ObjectTypeManager;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.model.objects.BaseEventTypeNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.QualifiedName;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * One event of the NodeSet's ResultReadyEventType ({@code MV;i=1024}) per result, with its properties in the
 * MachineVision namespace and the NodeSet's DataTypes: IsPartial (false), ResultState
 * ({@link ResultStates#of}), InternalRecipeId (RecipeIdInternalDataType), InternalConfigurationId
 * (ConfigurationIdDataType), JobId (JobIdDataType), ResultId (ResultIdDataType), CreationTime, IsSimulated (false),
 * ProcessingTimes (ProcessingTimesDataType: StartTime = CreationTime minus the total time, EndTime = CreationTime,
 * ProcessingDuration = total ms) and ResultContent (one String: the JSON of {@link ResultContentJson}). Time is
 * when {@code accept()} received the result; ReceiveTime is when the event was fired. MeasId, PartId, ProductId,
 * ExternalRecipeId and ExternalConfigurationId stay null: the station has none.
 */
final class ResultReadyEvents {
    private final OpcUaServer server;
    private final int stationNamespace;
    private final int mvNamespace;
    private final MvStructs structs;
    private final SecureRandom random = new SecureRandom();
    private final NodeId typeId;

    ResultReadyEvents(OpcUaServer server, int stationNamespace, int mvNamespace, MvStructs structs) {
        this.server = server;
        this.stationNamespace = stationNamespace;
        this.mvNamespace = mvNamespace;
        this.structs = structs;
        this.typeId = MvIds.id(mvNamespace, MvIds.RESULT_READY_EVENT_TYPE);
        ObjectTypeManager.ObjectNodeConstructor ctor = BaseEventTypeNode::new;
        server.getObjectTypeManager().registerObjectType(typeId, BaseEventTypeNode.class, ctor);
    }

    void fire(InspectionResult r, Instant acceptedAt, NodeId source, String sourceName, StationIdentity identity)
            throws UaException {
        BaseEventTypeNode e = server.getEventFactory().createEvent(
                new NodeId(stationNamespace, "Events/" + UUID.randomUUID()), typeId);
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
            MvStructs.Result s = MvStructs.Result.of(r, identity, acceptedAt);
            set(e, "IsPartial", s.isPartial());
            set(e, "IsSimulated", Boolean.FALSE);
            set(e, "ResultState", s.resultState());
            set(e, "InternalRecipeId", structs.recipeIdInternal(s.internalRecipeId()));
            set(e, "InternalConfigurationId", structs.configurationId(s.internalConfigurationId()));
            set(e, "JobId", structs.jobId(s.jobId()));
            set(e, "ResultId", structs.resultId(s.resultId()));
            set(e, "CreationTime", new DateTime(s.creationTime()));
            set(e, "ProcessingTimes", structs.processingTimes(s.processingStart(), s.creationTime(),
                    s.processingMillis()));
            set(e, "ResultContent", MvStructs.resultContent(s.resultContentJson()));
            server.getEventNotifier().fire(e);
        } finally {
            e.delete();
        }
    }

    private void set(BaseEventTypeNode e, String field, Object value) throws UaException {
        var node = e.getPropertyNode(new QualifiedName(mvNamespace, field)).orElseThrow(() -> new UaException(
                StatusCodes.Bad_InternalError, "ResultReadyEventType instance lacks field " + field));
        node.setValue(new DataValue(new Variant(value)));
    }
}
