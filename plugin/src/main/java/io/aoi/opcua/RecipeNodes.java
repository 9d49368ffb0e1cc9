package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.DeblurSettings;
import io.aoi.config.InvalidSettingException;
import io.aoi.plugin.deblur.Deblurrers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.OpcUaDataType;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.ExtensionObject;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned;
import org.eclipse.milo.opcua.stack.core.types.structured.WriteValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RecipeManagement of the VisionSystem instance. The NodeSet's mandatory methods work on the recipes of the station
 * file ({@link RecipeControl}):
 * <ul>
 * <li>GetRecipeListFiltered(ExternalId, ProductId, IsPrepared, MaxResults, StartIndex, Timeout) -> (IsComplete,
 * ResultCount, RecipeHandle, RecipeList, Error): the recipes whose name equals ExternalId's Id (all when empty),
 * none for a ProductId (no products are linked), IsPrepared FALSE/TRUE/DONTCARE; from StartIndex, at most
 * MaxResults (0: all); RecipeHandle is always 0 (the list is complete in one call or paged by StartIndex).</li>
 * <li>PrepareRecipe(ExternalId, InternalIdIn) -> (InternalIdOut, IsCompleted, Error): InternalIdIn's Id (or else
 * ExternalId's) names the recipe; Operational/Initialized moves to Ready.</li>
 * <li>UnprepareRecipe(ExternalId, InternalIdIn) -> (InternalIdOut, Error): the prepared recipe only; Ready moves to
 * Initialized.</li>
 * </ul>
 * Both are refused with Bad_InvalidState while executing, with Bad_InvalidArgument for an unknown or unprepared
 * recipe (the message names the allowed ones), and are for ENGINEER only. The station's own variables, in its
 * namespace: PreparedRecipeId ({@code <recipe>-r<revision>}), the writable DeblurModel (String) and DeblurIterations
 * (Int32), AuditLog (String[], one line per change, oldest first) and LastChangeError (why the last refused write
 * was refused, as a {@link RecipeWriteRefusal}; "" after a write that was applied; OPC UA write results carry only
 * a status code). Writes are allowed to ENGINEER only (Bad_UserAccessDenied otherwise, which leaves LastChangeError
 * as it is), must have the variable's data type (Bad_TypeMismatch, checked by {@link #refuseEarly} before the
 * server's own check), are validated by {@link RecipeControl#change} (Bad_OutOfRange for numbers out of range,
 * Bad_InvalidArgument for an unknown model) and applied at once, also while running.
 */
final class RecipeNodes {
    private static final Logger LOG = LoggerFactory.getLogger(RecipeNodes.class);
    static final String PATH = "RecipeManagement";
    /** TriStateBooleanDataType values. */
    private static final int FALSE = 0;
    private static final int TRUE = 1;
    private static final int DONTCARE = 2;

    private final RecipeControl recipes;
    private final RolePolicy policy;
    private VisionStateMachineNodes stateMachine;
    private MvStructs structs;
    private UaVariableNode preparedRecipeId;
    private UaVariableNode deblurModel;
    private UaVariableNode deblurIterations;
    private UaVariableNode auditLog;
    private UaVariableNode lastChangeError;

    RecipeNodes(RecipeControl recipes, RolePolicy policy) {
        this.recipes = recipes;
        this.policy = policy;
    }

    void build(Nodes nodes, Map<String, UaNode> instance, String prefix, StationMethods methods,
            VisionStateMachineNodes stateMachine, MvStructs structs) {
        this.stateMachine = stateMachine;
        this.structs = structs;
        String base = prefix + "/" + PATH;
        UaObjectNode rm = (UaObjectNode) instance.get(PATH);
        RecipeState now = recipes.current();
        preparedRecipeId = nodes.variable(rm, base + "/PreparedRecipeId", "PreparedRecipeId", NodeIds.String,
                new Variant(now.recipeId()), false);
        deblurModel = nodes.variable(rm, base + "/DeblurModel", "DeblurModel", NodeIds.String,
                new Variant(now.model().name()), false);
        deblurIterations = nodes.variable(rm, base + "/DeblurIterations", "DeblurIterations", NodeIds.Int32,
                new Variant(now.iterations()), false);
        auditLog = nodes.variable(rm, base + "/AuditLog", "AuditLog", NodeIds.String, new Variant(new String[0]),
                true);
        lastChangeError = nodes.variable(rm, base + "/LastChangeError", "LastChangeError", NodeIds.String,
                new Variant(""), false);
        for (UaVariableNode v : List.of(deblurModel, deblurIterations)) {
            v.setAccessLevel(AccessLevel.toValue(AccessLevel.READ_WRITE));
            v.getFilterChain().addLast(writeFilter(v), policy.userAccessLevel(RolePolicy.CONTROLLERS));
        }
        methods.controller((UaMethodNode) instance.get(PATH + "/GetRecipeListFiltered"), (user, in) -> list(in));
        methods.controller((UaMethodNode) instance.get(PATH + "/PrepareRecipe"), (user, in) -> prepare(user, in));
        methods.controller((UaMethodNode) instance.get(PATH + "/UnprepareRecipe"),
                (user, in) -> unprepare(user, in));
        refresh();
    }

    private Variant[] list(Variant[] in) throws UaException {
        Optional<String> external = structs.idOf(in[0], "ExternalId");
        Optional<String> product = structs.idOf(in[1], "ProductId");
        int isPrepared = in[2].value() == null ? DONTCARE : StationMethods.int32(in[2], "IsPrepared");
        if (isPrepared < FALSE || isPrepared > DONTCARE) {
            throw new UaException(StatusCodes.Bad_OutOfRange,
                    "IsPrepared = " + isPrepared + " is not allowed; allowed: 0 FALSE, 1 TRUE, 2 DONTCARE");
        }
        long max = StationMethods.uint32(in[3], "MaxResults");
        long start = StationMethods.uint32(in[4], "StartIndex");
        List<String> matching = new ArrayList<>();
        RecipeState now = recipes.current();
        boolean anyPrepared = recipes.isPrepared();
        for (String name : recipes.recipeNames()) {
            boolean isThePrepared = anyPrepared && name.equals(now.name());
            if (product.isPresent() || (external.isPresent() && !external.get().equals(name))
                    || (isPrepared == TRUE && !isThePrepared) || (isPrepared == FALSE && isThePrepared)) {
                continue;
            }
            matching.add(name);
        }
        List<String> page = matching.stream().skip(start).limit(max == 0 ? Long.MAX_VALUE : max).toList();
        ExtensionObject[] list = page.stream().map(structs::recipeIdInternal).toArray(ExtensionObject[]::new);
        boolean complete = start + page.size() >= matching.size();
        return new Variant[] {new Variant(complete), new Variant(Unsigned.uint(page.size())),
            new Variant(Unsigned.uint(0)), new Variant(list), new Variant(0)};
    }

    private String recipeName(Variant external, Variant internal) throws UaException {
        Optional<String> name = structs.idOf(internal, "InternalIdIn");
        if (name.isEmpty()) {
            name = structs.idOf(external, "ExternalId");
        }
        return name.orElseThrow(() -> new UaException(StatusCodes.Bad_InvalidArgument,
                "name the recipe in InternalIdIn or ExternalId; recipes: " + recipes.recipeNames()));
    }

    private Variant[] prepare(String user, Variant[] in) throws UaException {
        String name = recipeName(in[0], in[1]);
        requireNotExecuting("PrepareRecipe");
        try {
            recipes.prepare(name, user);
        } catch (InvalidSettingException e) {
            throw new UaException(StatusCodes.Bad_InvalidArgument, "PrepareRecipe: " + e.getMessage());
        }
        LOG.info("recipe {} prepared by {}", name, user);
        stateMachine.recipePrepared(true);
        refresh();
        return new Variant[] {new Variant(structs.recipeIdInternal(name)), new Variant(true), new Variant(0)};
    }

    private Variant[] unprepare(String user, Variant[] in) throws UaException {
        String name = recipeName(in[0], in[1]);
        requireNotExecuting("UnprepareRecipe");
        try {
            recipes.unprepare(name, user);
        } catch (InvalidSettingException e) {
            throw new UaException(StatusCodes.Bad_InvalidArgument, "UnprepareRecipe: " + e.getMessage());
        }
        LOG.info("recipe {} unprepared by {}", name, user);
        stateMachine.recipePrepared(false);
        refresh();
        return new Variant[] {new Variant(structs.recipeIdInternal(name)), new Variant(0)};
    }

    private void requireNotExecuting(String method) throws UaException {
        VisionState s = stateMachine.get();
        if (s == VisionState.OPERATIONAL_SINGLE_EXECUTION || s == VisionState.OPERATIONAL_CONTINUOUS_EXECUTION) {
            throw new UaException(StatusCodes.Bad_InvalidState, method + " is not allowed in state Operational/"
                    + s.subStateName() + "; Stop first");
        }
    }

    private AttributeFilter writeFilter(UaVariableNode node) {
        return new AttributeFilter() {
            @Override
            public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
                    throws UaException {
                if (attributeId != AttributeId.Value) {
                    ctx.writeAttribute(attributeId, value);
                    return;
                }
                write(ctx.getSession(), node == deblurModel, ((DataValue) value).value().value());
            }
        };
    }

    /**
     * Refuses, before the server's own checks, an ENGINEER's write to DeblurModel or DeblurIterations that has the
     * wrong data type (the server would answer Bad_TypeMismatch without passing it on) or an index range, so that
     * its reason reaches LastChangeError like every other refused write's. Other roles' writes are left to the
     * server's access check (Bad_UserAccessDenied, recorded in the security log), which leaves LastChangeError as
     * it is: a session that may not change the recipe does not change that variable either.
     *
     * @return the refusal's status; empty when the write is not an ENGINEER's write to a recipe variable's value or
     *         passes these checks (the write filter then validates and applies it)
     */
    synchronized Optional<StatusCode> refuseEarly(Optional<Session> session, WriteValue write) {
        if (deblurModel == null || AttributeId.from(write.getAttributeId()).orElse(null) != AttributeId.Value
                || !policy.allows(session, RolePolicy.CONTROLLERS)) {
            return Optional.empty();
        }
        boolean isModel = write.getNodeId().equals(deblurModel.getNodeId());
        if (!isModel && !write.getNodeId().equals(deblurIterations.getNodeId())) {
            return Optional.empty();
        }
        Object value = write.getValue() == null ? null : write.getValue().value().value();
        try {
            requireType(isModel, value);
            String range = write.getIndexRange();
            if (range != null && !range.isEmpty()) {
                throw new UaException(StatusCodes.Bad_IndexRangeInvalid,
                        "index range " + range + " is not allowed; the variable is a scalar, write it whole");
            }
            return Optional.empty();
        } catch (UaException e) {
            refused(policy.userName(session), isModel, value, e);
            return Optional.of(e.getStatusCode());
        }
    }

    private synchronized void write(Optional<Session> session, boolean isModel, Object value) throws UaException {
        String user = policy.userName(session);
        // a role that may not change the recipe changes LastChangeError neither (see refuseEarly)
        policy.require(session, RolePolicy.CONTROLLERS, "change the recipe");
        try {
            requireType(isModel, value);
            RecipeState now = recipes.current();
            DeblurModel model = isModel ? parseModel((String) value) : now.model();
            int iterations = isModel ? now.iterations() : (Integer) value;
            try {
                recipes.change(model, iterations, user);
            } catch (InvalidSettingException e) {
                throw new UaException(e.field().equals("iterations") ? StatusCodes.Bad_OutOfRange
                        : StatusCodes.Bad_InvalidArgument, e.getMessage());
            }
            lastChangeError.setValue(new DataValue(new Variant("")));
            refresh();
        } catch (UaException e) {
            refused(user, isModel, value, e);
            throw e;
        }
    }

    /** The variable's data type: String for DeblurModel, Int32 for DeblurIterations (Bad_TypeMismatch). */
    private static void requireType(boolean isModel, Object value) throws UaException {
        if (isModel && !(value instanceof String)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, "takes a String, one of " + Deblurrers.names());
        }
        if (!isModel && !(value instanceof Integer)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, "takes an Int32 from 0 to "
                    + DeblurSettings.MAX_ITERATIONS);
        }
    }

    /** Shows why a write was refused in LastChangeError and the server log. */
    private void refused(String user, boolean isModel, Object value, UaException e) {
        long code = e.getStatusCode().value();
        RecipeWriteRefusal refusal = new RecipeWriteRefusal(user, isModel ? "DeblurModel" : "DeblurIterations",
                RecipeWriteRefusal.describe(value, typeName(value)),
                StatusCodes.lookup(code).map(n -> n[0]).orElse(String.format("0x%08X", code)), e.getMessage());
        LOG.info("recipe write refused: {}", refusal.text());
        lastChangeError.setValue(new DataValue(new Variant(refusal.text())));
    }

    /** The OPC UA built-in type a value was written as (its Java class's name when none). */
    private static String typeName(Object value) {
        if (value == null) {
            return "";
        }
        for (OpcUaDataType t : OpcUaDataType.values()) {
            if (t.getBackingClass().equals(value.getClass())) {
                return t.name();
            }
        }
        return value.getClass().getSimpleName();
    }

    /** An installed model ({@link Deblurrers#names()}), named case-insensitively. */
    private static DeblurModel parseModel(String value) throws UaException {
        Set<String> installed = Deblurrers.names();
        String name = value.trim().toLowerCase(Locale.ROOT);
        if (!installed.contains(name)) {
            throw new UaException(StatusCodes.Bad_InvalidArgument, "no installed model has this name; allowed: "
                    + installed);
        }
        return new DeblurModel(name);
    }

    /** Shows the recipe and audit trail as {@link RecipeControl} reports them now. */
    synchronized void refresh() {
        RecipeState now = recipes.current();
        preparedRecipeId.setValue(new DataValue(new Variant(recipes.isPrepared() ? now.recipeId() : "")));
        deblurModel.setValue(new DataValue(new Variant(now.model().name())));
        deblurIterations.setValue(new DataValue(new Variant(now.iterations())));
        auditLog.setValue(new DataValue(new Variant(
                recipes.audit().stream().map(AuditRecord::line).toArray(String[]::new))));
    }
}
