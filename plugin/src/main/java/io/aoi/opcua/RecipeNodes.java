package io.aoi.opcua;

import io.aoi.config.DeblurModel;
import io.aoi.config.InvalidSettingException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RecipeManagement: PreparedRecipeId, the writable DeblurModel (String) and DeblurIterations (Int32), AuditLog
 * (String[], one line per change, oldest first) and LastChangeError (why the last refused write was refused; OPC UA
 * write results carry only a status code). Writes are allowed to ENGINEER only (Bad_UserAccessDenied otherwise),
 * validated by {@link RecipeControl#change} (Bad_OutOfRange for numbers out of range, Bad_InvalidArgument for an
 * unknown model) and applied at once, also while running.
 */
final class RecipeNodes {
    private static final Logger LOG = LoggerFactory.getLogger(RecipeNodes.class);

    private final RecipeControl recipes;
    private final RolePolicy policy;
    private UaVariableNode preparedRecipeId;
    private UaVariableNode deblurModel;
    private UaVariableNode deblurIterations;
    private UaVariableNode auditLog;
    private UaVariableNode lastChangeError;

    RecipeNodes(RecipeControl recipes, RolePolicy policy) {
        this.recipes = recipes;
        this.policy = policy;
    }

    void build(Nodes nodes, UaObjectNode visionSystem, String prefix, NodeId recipeManagementType) {
        String base = prefix + "/RecipeManagement";
        UaObjectNode rm = nodes.object(visionSystem, NodeIds.HasComponent, base, "RecipeManagement",
                recipeManagementType);
        RecipeState now = recipes.current();
        preparedRecipeId = nodes.variable(rm, base + "/PreparedRecipeId", "PreparedRecipeId", NodeIds.String,
                new Variant(now.recipeId()), false);
        deblurModel = nodes.variable(rm, base + "/DeblurModel", "DeblurModel", NodeIds.String,
                new Variant(now.model().name().toLowerCase(Locale.ROOT)), false);
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
        refresh();
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

    private synchronized void write(Optional<Session> session, boolean isModel, Object value) throws UaException {
        String user = policy.userName(session);
        try {
            policy.require(session, RolePolicy.CONTROLLERS, "change the recipe");
            RecipeState now = recipes.current();
            DeblurModel model = now.model();
            int iterations = now.iterations();
            if (isModel) {
                model = parseModel(value);
            } else if (value instanceof Integer i) {
                iterations = i;
            } else {
                throw new UaException(StatusCodes.Bad_TypeMismatch, "DeblurIterations takes an Int32, got "
                        + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            try {
                recipes.change(model, iterations, user);
            } catch (InvalidSettingException e) {
                throw new UaException(e.field().equals("iterations") ? StatusCodes.Bad_OutOfRange
                        : StatusCodes.Bad_InvalidArgument, e.getMessage());
            }
            lastChangeError.setValue(new DataValue(new Variant("")));
            refresh();
        } catch (UaException e) {
            LOG.info("recipe write by {} refused: {}", user, e.getMessage());
            lastChangeError.setValue(new DataValue(new Variant(user + ": " + e.getMessage())));
            throw e;
        }
    }

    private static DeblurModel parseModel(Object value) throws UaException {
        String allowed = Arrays.stream(DeblurModel.values()).map(m -> m.name().toLowerCase(Locale.ROOT)).toList()
                .toString();
        if (!(value instanceof String s)) {
            throw new UaException(StatusCodes.Bad_TypeMismatch, "DeblurModel takes a String, one of " + allowed);
        }
        try {
            return DeblurModel.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UaException(StatusCodes.Bad_InvalidArgument,
                    "DeblurModel = '" + s + "' is not allowed; allowed: " + allowed);
        }
    }

    /** Shows the recipe and audit trail as {@link RecipeControl} reports them now. */
    synchronized void refresh() {
        RecipeState now = recipes.current();
        preparedRecipeId.setValue(new DataValue(new Variant(now.recipeId())));
        deblurModel.setValue(new DataValue(new Variant(now.model().name().toLowerCase(Locale.ROOT))));
        deblurIterations.setValue(new DataValue(new Variant(now.iterations())));
        auditLog.setValue(new DataValue(new Variant(
                recipes.audit().stream().map(AuditRecord::line).toArray(String[]::new))));
    }

    String preparedRecipeId() {
        return recipes.current().recipeId();
    }
}
