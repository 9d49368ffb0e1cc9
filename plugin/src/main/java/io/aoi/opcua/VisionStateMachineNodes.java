package io.aoi.opcua;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The VisionStateMachine of the VisionSystem instance (built from the NodeSet's VisionSystemType) and its
 * AutomaticModeStateMachine: {@code 0:CurrentState} (LocalizedText) with {@code 0:Id} (the NodeId of the state
 * object: the instance's Preoperational/Halted/Error/Operational, the type's Initialized/Ready/SingleExecution/
 * ContinuousExecution, whose state objects OPC 40100 does not instantiate), and the methods with the NodeSet's
 * signatures: Halt, Reset (Cause Int32, CauseDescription String), SelectModeAutomatic, StartSingleJob,
 * StartContinuous (MeasId, PartId, RecipeId, ProductId, Parameters; out JobId), Stop and Abort (Cause,
 * CauseDescription); each has the Error Int32 output, 0 on success. A transition that is not allowed is refused
 * with Bad_InvalidState, as is one the station refuses ({@link VisionControl} throws). Thread-safe: transitions
 * are serialised.
 */
final class VisionStateMachineNodes {
    static final String MACHINE = "VisionStateMachine";
    static final String AUTO = MACHINE + "/AutomaticModeStateMachine";
    /** Ids of the sub-states in VisionAutomaticModeStateMachineType (MV namespace). */
    private static final Map<String, Integer> AUTO_STATE_IDS = Map.of("Initialized", 5056, "Ready", 5057,
            "SingleExecution", 5058, "ContinuousExecution", 5059);

    private final AtomicReference<VisionState> state = new AtomicReference<>(VisionState.PREOPERATIONAL);
    private final VisionControl control;
    private UaVariableNode currentState;
    private UaVariableNode currentStateId;
    private UaVariableNode autoCurrentState;
    private UaVariableNode autoCurrentStateId;
    private Map<String, UaNode> instance;
    private int mvNamespace;

    VisionStateMachineNodes(VisionControl control) {
        this.control = control;
    }

    /**
     * Binds the methods of the instance's state machines and shows the current state.
     *
     * @param instance       the VisionSystem's nodes by path relative to it
     * @param mvNamespace    the server's index of the MachineVision namespace (for the sub-states' type ids)
     * @param recipePrepared whether a recipe is prepared (SelectModeAutomatic goes to Ready then, else to
     *                       Initialized)
     * @param methods        binds method nodes to handlers with the role check
     * @param structs        encodes the JobId output
     * @param identity       the station's JobId
     */
    void bind(Map<String, UaNode> instance, int mvNamespace, BooleanSupplier recipePrepared, StationMethods methods,
            MvStructs structs, StationIdentity identity) {
        this.instance = instance;
        this.mvNamespace = mvNamespace;
        currentState = (UaVariableNode) instance.get(MACHINE + "/CurrentState");
        currentStateId = (UaVariableNode) instance.get(MACHINE + "/CurrentState/Id");
        autoCurrentState = (UaVariableNode) instance.get(AUTO + "/CurrentState");
        autoCurrentStateId = (UaVariableNode) instance.get(AUTO + "/CurrentState/Id");

        methods.controller(method(MACHINE + "/Halt"), (user, in) -> {
            int cause = StationMethods.int32(in[0], "Cause");
            String d = StationMethods.string(in[1]);
            transition("Halt", VisionState.HALTED, s -> s != VisionState.HALTED, () -> control.halt(cause, d));
            return StationMethods.ok();
        });
        methods.controller(method(MACHINE + "/Reset"), (user, in) -> {
            transition("Reset", VisionState.PREOPERATIONAL, s -> true, control::reset);
            return StationMethods.ok();
        });
        methods.controller(method(MACHINE + "/SelectModeAutomatic"), (user, in) -> {
            VisionState target = recipePrepared.getAsBoolean() ? VisionState.OPERATIONAL_READY
                    : VisionState.OPERATIONAL_INITIALIZED;
            transition("SelectModeAutomatic", target, s -> s == VisionState.PREOPERATIONAL,
                    control::selectModeAutomatic);
            return StationMethods.ok();
        });
        methods.controller(method(AUTO + "/StartSingleJob"), (user, in) -> {
            transition("StartSingleJob", VisionState.OPERATIONAL_SINGLE_EXECUTION,
                    s -> s == VisionState.OPERATIONAL_READY, control::startSingleJob);
            return new Variant[] {new Variant(structs.jobId(identity.jobId())), new Variant(0)};
        });
        methods.controller(method(AUTO + "/StartContinuous"), (user, in) -> {
            transition("StartContinuous", VisionState.OPERATIONAL_CONTINUOUS_EXECUTION,
                    s -> s == VisionState.OPERATIONAL_READY, control::startContinuous);
            return new Variant[] {new Variant(structs.jobId(identity.jobId())), new Variant(0)};
        });
        methods.controller(method(AUTO + "/Stop"), (user, in) -> {
            transition("Stop", VisionState.OPERATIONAL_READY, VisionStateMachineNodes::executing, control::stop);
            return StationMethods.ok();
        });
        methods.controller(method(AUTO + "/Abort"), (user, in) -> {
            transition("Abort", VisionState.OPERATIONAL_READY, VisionStateMachineNodes::executing, control::abort);
            return StationMethods.ok();
        });
        show(state.get());
    }

    private UaMethodNode method(String path) {
        UaNode n = instance.get(path);
        if (!(n instanceof UaMethodNode m)) {
            throw new IllegalStateException("the VisionSystem instance lacks method " + path);
        }
        return m;
    }

    private static boolean executing(VisionState s) {
        return s == VisionState.OPERATIONAL_CONTINUOUS_EXECUTION || s == VisionState.OPERATIONAL_SINGLE_EXECUTION;
    }

    @FunctionalInterface
    private interface ControlCall {
        void run() throws VisionControlException;
    }

    private synchronized void transition(String method, VisionState target,
            Predicate<VisionState> allowedFrom, ControlCall call) throws UaException {
        VisionState from = state.get();
        if (!allowedFrom.test(from)) {
            throw new UaException(StatusCodes.Bad_InvalidState,
                    method + " is not allowed in state " + describe(from));
        }
        try {
            call.run();
        } catch (VisionControlException e) {
            throw new UaException(StatusCodes.Bad_InvalidState, method + " refused by the station: " + e.getMessage(),
                    e);
        }
        set(target);
    }

    /**
     * Moves Operational/Initialized to Ready (a recipe was prepared) or Ready to Initialized (unprepared); other
     * states stay.
     */
    synchronized void recipePrepared(boolean prepared) {
        VisionState s = state.get();
        if (prepared && s == VisionState.OPERATIONAL_INITIALIZED) {
            set(VisionState.OPERATIONAL_READY);
        } else if (!prepared && s == VisionState.OPERATIONAL_READY) {
            set(VisionState.OPERATIONAL_INITIALIZED);
        }
    }

    synchronized void set(VisionState s) {
        state.set(s);
        show(s);
    }

    VisionState get() {
        return state.get();
    }

    private void show(VisionState s) {
        if (currentState == null) {
            return;
        }
        currentState.setValue(new DataValue(new Variant(LocalizedText.english(s.stateName()))));
        UaNode stateNode = instance.get(MACHINE + "/" + s.stateName());
        currentStateId.setValue(new DataValue(new Variant(stateNode == null ? NodeId.NULL_VALUE
                : stateNode.getNodeId())));
        boolean sub = s.isOperational();
        autoCurrentState.setValue(new DataValue(new Variant(LocalizedText.english(s.subStateName()))));
        autoCurrentStateId.setValue(new DataValue(new Variant(sub
                ? new NodeId(mvNamespace, AUTO_STATE_IDS.get(s.subStateName())) : NodeId.NULL_VALUE)));
    }

    private static String describe(VisionState s) {
        return s.isOperational() ? s.stateName() + "/" + s.subStateName() : s.stateName();
    }
}
