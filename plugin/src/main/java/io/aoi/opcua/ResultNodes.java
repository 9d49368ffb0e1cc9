package io.aoi.opcua;

import io.aoi.results.InspectionResult;
import io.aoi.results.Verdict;
import io.aoi.results.journal.ResultJournal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * ResultManagement of the VisionSystem instance (MES and ENGINEER only), with the NodeSet's signatures:
 * <ul>
 * <li>GetResultById(ResultId, Timeout) -> (ResultHandle, Result: ResultDataType, Error);</li>
 * <li>GetResultComponentsById(ResultId, Timeout) -> the ResultDataType's fields one by one, and Error;</li>
 * <li>GetResultListFiltered(ResultState, MeasId, PartId, ExternalRecipeId, InternalRecipeId,
 * ExternalConfigurationId, InternalConfigurationId, ProductId, JobId, MaxResults, StartIndex, Timeout) ->
 * (IsComplete, ResultCount, ResultHandle, ResultList, Error): newest first; ResultState 0 and null or empty
 * identifiers do not filter; MeasId, PartId, ProductId, ExternalRecipeId and ExternalConfigurationId are never set
 * by this station, so filtering on them matches nothing; MaxResults 0 or above {@value #MAX_LIST_RESULTS} returns
 * at most {@value #MAX_LIST_RESULTS} (IsComplete says whether more matched);</li>
 * <li>ReleaseResultHandle(ResultHandle) -> Error.</li>
 * </ul>
 * Error is 0, or {@value #UNKNOWN_RESULT_ID} when no stored result has the id / {@value #UNKNOWN_HANDLE} for a
 * handle that is not held. A failing journal read returns Bad_InternalError. ResultContent is one String, this
 * station's JSON ({@link ResultContentJson}).
 *
 * <p>The station's own nodes, in its namespace: the MES catch-up method GetResultsInWindow (see
 * {@link #bindWindowMethod}) and the LastResult object (ResultId, Verdict, ParticleCount, FrameId).
 */
final class ResultNodes {
    static final String PATH = "ResultManagement";
    /** Most results one list call returns. */
    static final int MAX_LIST_RESULTS = 500;
    /** Error output: the result was found / no result has this id / the handle is not held. */
    static final int FOUND = 0;
    static final int UNKNOWN_RESULT_ID = -1;
    static final int UNKNOWN_HANDLE = -2;

    private final ResultQuery query;
    private final RolePolicy policy;
    private final ResultHandles handles = new ResultHandles();
    private StationIdentity identity;
    private MvStructs structs;
    private UaVariableNode lastResultId;
    private UaVariableNode lastVerdict;
    private UaVariableNode lastParticleCount;
    private UaVariableNode lastFrameId;

    ResultNodes(ResultQuery query, RolePolicy policy) {
        this.query = query;
        this.policy = policy;
    }

    void build(Nodes nodes, Map<String, UaNode> instance, String prefix, StationMethods methods, MvStructs structs,
            StationIdentity identity) {
        this.structs = structs;
        this.identity = identity;
        String base = prefix + "/" + PATH;
        UaObjectNode rm = (UaObjectNode) instance.get(PATH);
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

        methods.resultReader(method(instance, "GetResultById"), (user, in) -> byId(in));
        methods.resultReader(method(instance, "GetResultComponentsById"), (user, in) -> componentsById(in));
        methods.resultReader(method(instance, "GetResultListFiltered"), (user, in) -> listFiltered(in));
        methods.resultReader(method(instance, "ReleaseResultHandle"), (user, in) -> new Variant[] {
            new Variant(handles.release(StationMethods.uint32(in[0], "ResultHandle")) ? FOUND : UNKNOWN_HANDLE)});
        bindWindowMethod(nodes, rm, base);
    }

    private static UaMethodNode method(Map<String, UaNode> instance, String name) {
        if (!(instance.get(PATH + "/" + name) instanceof UaMethodNode m)) {
            throw new IllegalStateException("the VisionSystem instance lacks method " + PATH + "/" + name);
        }
        return m;
    }

    private Optional<InspectionResult> find(Variant resultId) throws UaException {
        Optional<String> id = structs.idOf(resultId, "ResultId");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            return query.byId(id.get());
        } catch (ResultQueryException e) {
            throw new UaException(StatusCodes.Bad_InternalError, e.getMessage(), e);
        }
    }

    private Variant[] byId(Variant[] in) throws UaException {
        Optional<InspectionResult> r = find(in[0]);
        if (r.isEmpty()) {
            return new Variant[] {new Variant(Unsigned.uint(0)), Variant.NULL_VALUE, new Variant(UNKNOWN_RESULT_ID)};
        }
        return new Variant[] {new Variant(Unsigned.uint(handles.issue())),
            new Variant(structs.result(MvStructs.Result.of(r.get(), identity, Instant.now()))), new Variant(FOUND)};
    }

    private Variant[] componentsById(Variant[] in) throws UaException {
        Optional<InspectionResult> found = find(in[0]);
        Variant[] out = new Variant[17];
        Arrays.fill(out, Variant.NULL_VALUE);
        if (found.isEmpty()) {
            out[1] = new Variant(Unsigned.uint(0));
            out[16] = new Variant(UNKNOWN_RESULT_ID);
            return out;
        }
        MvStructs.Result r = MvStructs.Result.of(found.get(), identity, Instant.now());
        out[0] = new Variant(false);
        out[1] = new Variant(Unsigned.uint(handles.issue()));
        out[2] = new Variant(r.isPartial());
        out[3] = new Variant(false);
        out[4] = new Variant(r.resultState());
        out[8] = new Variant(structs.recipeIdInternal(r.internalRecipeId()));
        out[11] = new Variant(structs.configurationId(r.internalConfigurationId()));
        out[12] = new Variant(structs.jobId(r.jobId()));
        out[13] = new Variant(new DateTime(r.creationTime()));
        out[14] = new Variant(structs.processingTimes(r.processingStart(), r.creationTime(), r.processingMillis()));
        out[15] = new Variant(MvStructs.resultContent(r.resultContentJson()));
        out[16] = new Variant(FOUND);
        return out;
    }

    private Variant[] listFiltered(Variant[] in) throws UaException {
        int state = StationMethods.int32(in[0], "ResultState");
        boolean neverSet = structs.idOf(in[1], "MeasId").isPresent() || structs.idOf(in[2], "PartId").isPresent()
                || structs.idOf(in[3], "ExternalRecipeId").isPresent()
                || structs.idOf(in[5], "ExternalConfigurationId").isPresent()
                || structs.idOf(in[7], "ProductId").isPresent();
        Optional<String> recipe = structs.idOf(in[4], "InternalRecipeId");
        Optional<String> configuration = structs.idOf(in[6], "InternalConfigurationId");
        Optional<String> job = structs.idOf(in[8], "JobId");
        long max = StationMethods.uint32(in[9], "MaxResults");
        long start = StationMethods.uint32(in[10], "StartIndex");
        int limit = max == 0 || max > MAX_LIST_RESULTS ? MAX_LIST_RESULTS : (int) max;
        if (neverSet || start > Integer.MAX_VALUE) {
            return new Variant[] {new Variant(true), new Variant(Unsigned.uint(0)), new Variant(Unsigned.uint(0)),
                new Variant(new ExtensionObject[0]), new Variant(FOUND)};
        }
        ResultFilter filter = ResultFilter.ALL.withJobId(job).withRecipeId(recipe).withConfigurationId(configuration)
                .withResultState(state == 0 ? OptionalInt.empty() : OptionalInt.of(state));
        ResultJournal.Page page = page(filter, (int) start, limit);
        Instant now = Instant.now();
        ExtensionObject[] list = page.results().stream()
                .map(r -> structs.result(MvStructs.Result.of(r, identity, now))).toArray(ExtensionObject[]::new);
        boolean complete = start + list.length >= page.matched();
        return new Variant[] {new Variant(complete), new Variant(Unsigned.uint(list.length)),
            new Variant(Unsigned.uint(list.length == 0 ? 0 : handles.issue())), new Variant(list),
            new Variant(FOUND)};
    }

    private ResultJournal.Page page(ResultFilter filter, int start, int limit) throws UaException {
        try {
            return query.query(filter, start, limit);
        } catch (ResultQueryException e) {
            throw new UaException(StatusCodes.Bad_InternalError, e.getMessage(), e);
        }
    }

    /**
     * The station's MES catch-up method, in its own namespace: GetResultsInWindow(FromTime: UtcTime, ToTime:
     * UtcTime, JobId: String, VerdictFilter: String, StartIndex: UInt32, MaxResults: UInt32) -> (Results: String[],
     * Matched: UInt32). Results are ResultContent JSON strings, newest first. A null (or 1601-01-01) FromTime or
     * ToTime leaves that end of the window open; FromTime after ToTime is Bad_InvalidArgument (never a silent empty
     * list); JobId "" for all jobs; VerdictFilter "" or OK, NG, NO_DECISION, NONE; MaxResults 1 to
     * {@value #MAX_LIST_RESULTS} (else Bad_OutOfRange). Matched counts every result in the window that passes the
     * filters, for paging with StartIndex.
     */
    private void bindWindowMethod(Nodes nodes, UaObjectNode rm, String base) {
        UInteger[] oneDim = {Unsigned.uint(0)};
        Argument[] inputs = {
            new Argument("FromTime", NodeIds.UtcTime, ValueRanks.Scalar, null,
                    LocalizedText.english("Oldest creation time, inclusive; null for no lower bound")),
            new Argument("ToTime", NodeIds.UtcTime, ValueRanks.Scalar, null,
                    LocalizedText.english("Newest creation time, inclusive; null for no upper bound")),
            new Argument("JobId", NodeIds.String, ValueRanks.Scalar, null,
                    LocalizedText.english("Only this job; '' for all")),
            new Argument("VerdictFilter", NodeIds.String, ValueRanks.Scalar, null,
                    LocalizedText.english("'' for all, or OK, NG, NO_DECISION, NONE")),
            new Argument("StartIndex", NodeIds.UInt32, ValueRanks.Scalar, null,
                    LocalizedText.english("Matches to skip, newest first")),
            new Argument("MaxResults", NodeIds.UInt32, ValueRanks.Scalar, null,
                    LocalizedText.english("1 to " + MAX_LIST_RESULTS))};
        Argument[] outputs = {
            new Argument("Results", NodeIds.String, ValueRanks.OneDimension, oneDim,
                    LocalizedText.english("ResultContent JSON per result, newest first")),
            new Argument("Matched", NodeIds.UInt32, ValueRanks.Scalar, null,
                    LocalizedText.english("Results in the window that pass the filters"))};
        UaMethodNode m = nodes.method(rm, base + "/GetResultsInWindow", "GetResultsInWindow",
                "Station catch-up query: stored results in a time window, newest first, optionally of one job.");
        new RoleCheckedMethod(m, policy, RolePolicy.RESULT_READERS, inputs, outputs) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                Optional<Instant> from = instant(in[0], "FromTime");
                Optional<Instant> to = instant(in[1], "ToTime");
                if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
                    throw new UaException(StatusCodes.Bad_InvalidArgument, "FromTime " + from.get()
                            + " is after ToTime " + to.get() + "; the window would be empty. Leave either null for an "
                            + "open end");
                }
                String job = StationMethods.string(in[2]).trim();
                Optional<Verdict> verdict = verdict(in[3].value());
                long start = StationMethods.uint32(in[4], "StartIndex");
                long max = StationMethods.uint32(in[5], "MaxResults");
                if (max < 1 || max > MAX_LIST_RESULTS) {
                    throw new UaException(StatusCodes.Bad_OutOfRange,
                            "MaxResults = " + max + " is not allowed; allowed: 1 to " + MAX_LIST_RESULTS);
                }
                ResultFilter filter = ResultFilter.ALL.withWindow(from, to)
                        .withJobId(job.isEmpty() ? Optional.empty() : Optional.of(job)).withVerdict(verdict);
                ResultJournal.Page page = page(filter, (int) Math.min(start, Integer.MAX_VALUE), (int) max);
                String[] json = page.results().stream().map(ResultContentJson::of).toArray(String[]::new);
                return new Variant[] {new Variant(json), new Variant(Unsigned.uint(page.matched()))};
            }
        };
    }

    /** A UtcTime argument; null and the OPC UA minimum (1601-01-01) mean "open". */
    private static Optional<Instant> instant(Variant v, String name) throws UaException {
        Object value = v.value();
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof DateTime d) {
            return d.isNull() || d.getUtcTime() <= 0 ? Optional.empty() : Optional.of(d.getJavaInstant());
        }
        throw new UaException(StatusCodes.Bad_TypeMismatch, name + " must be a UtcTime (DateTime), got "
                + value.getClass().getSimpleName());
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
                    "VerdictFilter = '" + s + "' is not allowed; allowed: '', OK, NG, NO_DECISION, NONE");
        }
    }

    void showLast(InspectionResult r) {
        lastResultId.setValue(new DataValue(new Variant(r.resultId())));
        lastVerdict.setValue(new DataValue(new Variant(r.verdict().name())));
        lastParticleCount.setValue(new DataValue(new Variant(r.particleCount())));
        lastFrameId.setValue(new DataValue(new Variant(Unsigned.uint(r.frameId() & 0xFFFF_FFFFL))));
    }
}
