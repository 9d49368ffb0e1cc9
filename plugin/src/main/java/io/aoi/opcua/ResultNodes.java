package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * ResultManagement: the methods GetResultById and GetResultListFiltered (MES and ENGINEER only) and the LastResult
 * object (ResultId, Verdict, ParticleCount, FrameId). Results travel as ResultContent JSON strings.
 */
final class ResultNodes {
    /** Most results one GetResultListFiltered call returns. */
    static final int MAX_LIST_RESULTS = 500;
    /** Error output: the result was found / no result has this id. */
    static final int FOUND = 0;
    static final int UNKNOWN_RESULT_ID = -1;

    private final ResultQuery query;
    private final RolePolicy policy;
    private UaVariableNode lastResultId;
    private UaVariableNode lastVerdict;
    private UaVariableNode lastParticleCount;
    private UaVariableNode lastFrameId;

    ResultNodes(ResultQuery query, RolePolicy policy) {
        this.query = query;
        this.policy = policy;
    }

    void build(Nodes nodes, UaObjectNode visionSystem, String prefix, NodeId resultManagementType) {
        String base = prefix + "/ResultManagement";
        UaObjectNode rm = nodes.object(visionSystem, NodeIds.HasComponent, base, "ResultManagement",
                resultManagementType);
        UaObjectNode last = nodes.object(rm, NodeIds.HasComponent, base + "/LastResult", "LastResult",
                NodeIds.BaseObjectType);
        lastResultId = nodes.variable(last, base + "/LastResult/ResultId", "ResultId", NodeIds.String,
                new Variant(""), false);
        lastVerdict = nodes.variable(last, base + "/LastResult/Verdict", "Verdict", NodeIds.String,
                new Variant(""), false);
        lastParticleCount = nodes.variable(last, base + "/LastResult/ParticleCount", "ParticleCount", NodeIds.Int32,
                new Variant(0), false);
        lastFrameId = nodes.variable(last, base + "/LastResult/FrameId", "FrameId", NodeIds.UInt32,
                new Variant(Unsigned.uint(0)), false);

        Argument resultIdIn = new Argument("ResultId", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("Id of the result, <stationId>-<jobId>-<frameId>"));
        Argument resultOut = new Argument("Result", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("ResultContent JSON; empty when Error is not 0"));
        Argument errorOut = new Argument("Error", NodeIds.Int32, ValueRanks.Scalar, null,
                LocalizedText.english("0 found, -1 no result with this id"));
        UaMethodNode byId = nodes.method(rm, base + "/GetResultById", "GetResultById",
                "Returns one stored result as ResultContent JSON.");
        new RoleCheckedMethod(byId, policy, RolePolicy.RESULT_READERS, new Argument[] {resultIdIn},
                new Argument[] {resultOut, errorOut}) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                String id = in[0].value() == null ? "" : in[0].value().toString();
                Optional<InspectionResult> r;
                try {
                    r = query.byId(id);
                } catch (ResultQueryException e) {
                    throw new UaException(StatusCodes.Bad_InternalError, e.getMessage(), e);
                }
                return r.map(x -> new Variant[] {new Variant(ResultContentJson.of(x)), new Variant(FOUND)})
                        .orElseGet(() -> new Variant[] {new Variant(""), new Variant(UNKNOWN_RESULT_ID)});
            }
        };

        Argument from = new Argument("FromTime", NodeIds.UtcTime, ValueRanks.Scalar, null,
                LocalizedText.english("Oldest creation time, inclusive"));
        Argument to = new Argument("ToTime", NodeIds.UtcTime, ValueRanks.Scalar, null,
                LocalizedText.english("Newest creation time, inclusive"));
        Argument verdict = new Argument("VerdictFilter", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("'' for all, or OK, NG, NONE"));
        Argument max = new Argument("MaxResults", NodeIds.Int32, ValueRanks.Scalar, null,
                LocalizedText.english("1 to " + MAX_LIST_RESULTS));
        Argument resultsOut = new Argument("Results", NodeIds.String, ValueRanks.OneDimension,
                new org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger[] {Unsigned.uint(0)},
                LocalizedText.english("ResultContent JSON per result, oldest first"));
        Argument listErrorOut = new Argument("Error", NodeIds.Int32, ValueRanks.Scalar, null,
                LocalizedText.english("0"));
        UaMethodNode list = nodes.method(rm, base + "/GetResultListFiltered", "GetResultListFiltered",
                "Returns stored results created in [FromTime, ToTime], optionally of one verdict.");
        new RoleCheckedMethod(list, policy, RolePolicy.RESULT_READERS, new Argument[] {from, to, verdict, max},
                new Argument[] {resultsOut, listErrorOut}) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                Instant f = instant(in[0], "FromTime");
                Instant t = instant(in[1], "ToTime");
                Optional<Verdict> v = verdict(in[2].value());
                int m = in[3].value() instanceof Integer i ? i : -1;
                if (m < 1 || m > MAX_LIST_RESULTS) {
                    throw new UaException(StatusCodes.Bad_OutOfRange,
                            "MaxResults = " + in[3].value() + " is not allowed; allowed: 1 to " + MAX_LIST_RESULTS);
                }
                List<InspectionResult> results;
                try {
                    results = query.list(f, t, v, m);
                } catch (ResultQueryException e) {
                    throw new UaException(StatusCodes.Bad_InternalError, e.getMessage(), e);
                }
                String[] json = results.stream().map(ResultContentJson::of).toArray(String[]::new);
                return new Variant[] {new Variant(json), new Variant(FOUND)};
            }
        };
    }

    private static Instant instant(Variant v, String name) throws UaException {
        if (v.value() instanceof DateTime d) {
            return d.getJavaInstant();
        }
        throw new UaException(StatusCodes.Bad_InvalidArgument, name + " must be a DateTime");
    }

    private static Optional<Verdict> verdict(Object value) throws UaException {
        String s = value == null ? "" : value.toString().trim();
        if (s.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Verdict.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new UaException(StatusCodes.Bad_InvalidArgument,
                    "VerdictFilter = '" + s + "' is not allowed; allowed: '', OK, NG, NONE");
        }
    }

    void showLast(InspectionResult r) {
        lastResultId.setValue(new DataValue(new Variant(r.resultId())));
        lastVerdict.setValue(new DataValue(new Variant(r.verdict().name())));
        lastParticleCount.setValue(new DataValue(new Variant(r.particleCount())));
        lastFrameId.setValue(new DataValue(new Variant(Unsigned.uint(r.frameId() & 0xFFFF_FFFFL))));
    }
}
