package io.aoi.opcua;

import java.util.Map;
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
 * with Bad_InvalidState, as is one the station refuses ({@link VisionControl} throws). The state and its rules are
 * the station's {@link VisionStateMachine}, which an embedding host drives too; these nodes show every change of it.
 * Thread-safe: transitions are serialised by the machine.
 */
final class VisionStateMachineNodes {
    static final String MACHINE = "VisionStateMachine";
    static final String AUTO = MACHINE + "/AutomaticModeStateMachine";
    /** Ids of the sub-states in VisionAutomaticModeStateMachineType (MV namespace). */
    private static final Map<String, Integer> AUTO_STATE_IDS = Map.of("Initialized", 5056, "Ready", 5057,
            "SingleExecution", 5058, "ContinuousExecution", 5059);

    private final VisionStateMachine machine;
    private volatile UaVariableNode currentState;
    private UaVariableNode currentStateId;
    private UaVariableNode autoCurrentState;
    private UaVariableNode autoCurrentStateId;
    private Map<String, UaNode> instance;
    private int mvNamespace;

    VisionStateMachineNodes(VisionStateMachine machine) {
        this.machine = machine;
        machine.addListener(this::show);
    }

    /**
     * Binds the methods of the instance's state machines and shows the current state.
     *
     * @param instance       the VisionSystem's nodes by path relative to it
     * @param mvNamespace    the server's index of the MachineVision namespace (for the sub-states' type ids)
     * @param methods        binds method nodes to handlers with the role check
     * @param structs        encodes the JobId output
     * @param identity       the station's JobId
     */
    void bind(Map<String, UaNode> instance, int mvNamespace, StationMethods methods, MvStructs structs,
            StationIdentity identity) {
        this.instance = instance;
        this.mvNamespace = mvNamespace;
        currentStateId = (UaVariableNode) instance.get(MACHINE + "/CurrentState/Id");
        autoCurrentState = (UaVariableNode) instance.get(AUTO + "/CurrentState");
        autoCurrentStateId = (UaVariableNode) instance.get(AUTO + "/CurrentState/Id");
        currentState = (UaVariableNode) instance.get(MACHINE + "/CurrentState");

        methods.controller(method(MACHINE + "/Halt"), (user, in) -> {
            int cause = StationMethods.int32(in[0], "Cause");
            String d = StationMethods.string(in[1]);
            run(() -> machine.halt(cause, d));
            return StationMethods.ok();
        });
        methods.controller(method(MACHINE + "/Reset"), (user, in) -> {
            run(machine::reset);
            return StationMethods.ok();
        });
        methods.controller(method(MACHINE + "/SelectModeAutomatic"), (user, in) -> {
            run(machine::selectModeAutomatic);
            return StationMethods.ok();
        });
        methods.controller(method(AUTO + "/StartSingleJob"), (user, in) -> {
            run(machine::startSingleJob);
            return new Variant[] {new Variant(structs.jobId(identity.jobId())), new Variant(0)};
        });
        methods.controller(method(AUTO + "/StartContinuous"), (user, in) -> {
            run(machine::startContinuous);
            return new Variant[] {new Variant(structs.jobId(identity.jobId())), new Variant(0)};
        });
        methods.controller(method(AUTO + "/Stop"), (user, in) -> {
            run(machine::stop);
            return StationMethods.ok();
        });
        methods.controller(method(AUTO + "/Abort"), (user, in) -> {
            run(machine::abort);
            return StationMethods.ok();
        });
        show(machine.state());
    }

    private UaMethodNode method(String path) {
        UaNode n = instance.get(path);
        if (!(n instanceof UaMethodNode m)) {
            throw new IllegalStateException("the VisionSystem instance lacks method " + path);
        }
        return m;
    }

    @FunctionalInterface
    private interface Transition {
        void run() throws VisionControlException;
    }

    /** A transition the machine refuses (not allowed now, or refused by the station) is Bad_InvalidState. */
    private static void run(Transition t) throws UaException {
        try {
            t.run();
        } catch (VisionControlException e) {
            throw new UaException(StatusCodes.Bad_InvalidState, e.getMessage(), e);
        }
    }

    /** See {@link VisionStateMachine#recipePrepared}. */
    void recipePrepared(boolean prepared) {
        machine.recipePrepared(prepared);
    }

    void set(VisionState s) {
        machine.set(s);
    }

    VisionState get() {
        return machine.state();
    }

    /** Called under the machine's lock; nothing to show before {@link #bind}. */
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
}
