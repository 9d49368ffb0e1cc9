package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.UaSerializationException;
import org.eclipse.milo.opcua.stack.core.encoding.EncodingContext;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryDecoder;
import org.eclipse.milo.opcua.stack.core.encoding.binary.OpcUaBinaryEncoder;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;

/**
 * Binary encoding (OPC UA Part 6, 5.2.6-5.2.7) of the MachineVision structures the server sends and receives, as
 * the NodeSet defines them: ResultIdDataType and JobIdDataType {Id}; RecipeIdInternal/External and
 * ConfigurationIdDataType {mask, Id, [Version, Hash, HashAlgorithm, Description]}; MeasId/PartId/ProductIdDataType
 * {mask, Id, [Description]}; ProcessingTimesDataType {mask, StartTime, EndTime, [AcquisitionDuration],
 * [ProcessingDuration]}; ResultDataType. Nested structures are written inline, as the encoding requires. Only the Id
 * of incoming identifiers is read; their optional fields are skipped. Thread-safe.
 */
final class MvStructs {
    /** The parts of a ResultDataType this station fills. */
    record Result(String resultId, boolean isPartial, int resultState, String internalRecipeId,
            String internalConfigurationId, String jobId, Instant creationTime, Instant processingStart,
            double processingMillis, String resultContentJson) {
        /**
         * The fields of a stored result: IsPartial false, InternalConfigurationId the one the result was made with
         * (empty for results journaled before results kept it), CreationTime the result's (or {@code fallbackTime}
         * when it has none), processing from CreationTime minus the total time.
         */
        static Result of(InspectionResult r, StationIdentity identity, Instant fallbackTime) {
            Instant created = r.createdAt() == null ? fallbackTime : r.createdAt();
            double total = Double.isFinite(r.times().totalMillis()) ? Math.max(0, r.times().totalMillis()) : 0;
            return new Result(r.resultId(), false, ResultStates.of(r.outcome(), r.verdict()),
                    r.recipeId() == null ? "" : r.recipeId(), r.configurationId(),
                    r.jobId() == null ? identity.jobId() : r.jobId(), created,
                    created.minusNanos((long) (total * 1e6)), total, ResultContentJson.of(r));
        }
    }

    private final EncodingContext context;
    private final int ns;

    MvStructs(EncodingContext context, int mvNamespaceIndex) {
        this.context = context;
        this.ns = mvNamespaceIndex;
    }

    ExtensionObject resultId(String id) {
        return encode(MvIds.RESULT_ID_BINARY, e -> e.encodeString(id));
    }

    ExtensionObject jobId(String id) {
        return encode(MvIds.JOB_ID_BINARY, e -> e.encodeString(id));
    }

    ExtensionObject recipeIdInternal(String id) {
        return encode(MvIds.RECIPE_ID_INTERNAL_BINARY, e -> binaryId(e, id));
    }

    ExtensionObject configurationId(String id) {
        return encode(MvIds.CONFIGURATION_ID_BINARY, e -> binaryId(e, id));
    }

    ExtensionObject processingTimes(Instant start, Instant end, double processingMillis) {
        return encode(MvIds.PROCESSING_TIMES_BINARY, e -> processingTimes(e, start, end, processingMillis));
    }

    ExtensionObject result(Result r) {
        return encode(MvIds.RESULT_BINARY, e -> {
            // optional fields in order: HasTransferableDataOnFile 0, IsSimulated 1, MeasId 2, PartId 3,
            // ExternalRecipeId 4, ProductId 5, ExternalConfigurationId 6, ProcessingTimes 7, ResultContent 8
            e.encodeUInt32(Unsigned.uint((1 << 0) | (1 << 1) | (1 << 7) | (1 << 8)));
            e.encodeString(r.resultId());
            e.encodeBoolean(false);
            e.encodeBoolean(r.isPartial());
            e.encodeBoolean(false);
            e.encodeInt32(r.resultState());
            binaryId(e, r.internalRecipeId());
            binaryId(e, r.internalConfigurationId());
            e.encodeString(r.jobId());
            e.encodeDateTime(new DateTime(r.creationTime()));
            processingTimes(e, r.processingStart(), r.creationTime(), r.processingMillis());
            e.encodeVariantArray(null, resultContent(r.resultContentJson()));
        });
    }

    /** ResultContent ({@code BaseDataType[]}): one String, this station's ResultContent JSON. */
    static Variant[] resultContent(String json) {
        return new Variant[] {new Variant(json)};
    }

    /**
     * The Id of an identifier structure a client sent (ResultId, JobId, RecipeId, ConfigurationId, MeasId, PartId,
     * ProductId); empty for a null argument, a null ExtensionObject or an empty Id, which all mean "no filter".
     *
     * @throws UaException Bad_TypeMismatch when the value is no such structure
     */
    Optional<String> idOf(Variant v, String argument) throws UaException {
        Object value = v == null ? null : v.value();
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof ExtensionObject eo)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, argument + " must be an ExtensionObject of its "
                    + "MachineVision identifier DataType, got " + value.getClass().getSimpleName());
        }
        if (eo.isNull()) {
            return Optional.empty();
        }
        if (!(eo.getBody() instanceof ByteString body) || eo.getEncodingOrTypeId().getNamespaceIndex().intValue() != ns
                || !(eo.getEncodingOrTypeId().getIdentifier() instanceof
                        org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger u)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, argument + " must be binary-encoded with a "
                    + "MachineVision Default Binary encoding, got " + eo.getEncodingOrTypeId());
        }
        int encodingId = u.intValue();
        ByteBuf buf = Unpooled.wrappedBuffer(body.bytesOrEmpty());
        try {
            OpcUaBinaryDecoder d = new OpcUaBinaryDecoder(context).setBuffer(buf);
            String id = switch (encodingId) {
                case MvIds.RESULT_ID_BINARY, MvIds.JOB_ID_BINARY -> d.decodeString();
                case MvIds.RECIPE_ID_INTERNAL_BINARY, MvIds.RECIPE_ID_EXTERNAL_BINARY, MvIds.CONFIGURATION_ID_BINARY,
                        MvIds.MEAS_ID_BINARY, MvIds.PART_ID_BINARY, MvIds.PRODUCT_ID_BINARY -> {
                    d.decodeUInt32();
                    yield d.decodeString();
                }
                default -> throw new UaException(StatusCodes.Bad_TypeMismatch, argument
                        + ": encoding ns=" + ns + ";i=" + encodingId + " is not a MachineVision identifier DataType");
            };
            return id == null || id.isEmpty() ? Optional.empty() : Optional.of(id);
        } catch (UaSerializationException e) {
            throw new UaException(StatusCodes.Bad_DecodingError, argument + " cannot be decoded: " + e.getMessage(),
                    e);
        } finally {
            buf.release();
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(OpcUaBinaryEncoder e);
    }

    private ExtensionObject encode(int encodingId, Body body) {
        ByteBuf buf = Unpooled.buffer();
        try {
            OpcUaBinaryEncoder e = new OpcUaBinaryEncoder(context).setBuffer(buf);
            body.write(e);
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            return ExtensionObject.of(ByteString.of(bytes), new NodeId(ns, encodingId));
        } finally {
            buf.release();
        }
    }

    private static void binaryId(OpcUaBinaryEncoder e, String id) {
        e.encodeUInt32(Unsigned.uint(0));
        e.encodeString(id);
    }

    private static void processingTimes(OpcUaBinaryEncoder e, Instant start, Instant end, double processingMillis) {
        e.encodeUInt32(Unsigned.uint(1 << 1));
        e.encodeDateTime(new DateTime(start));
        e.encodeDateTime(new DateTime(end));
        e.encodeDouble(processingMillis);
    }
}
