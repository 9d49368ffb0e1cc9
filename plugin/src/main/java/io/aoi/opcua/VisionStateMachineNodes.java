package io.aoi.opcua;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * VisionStateMachine with its CurrentState, the nested VisionAutomaticModeStateMachine (the Operational sub-states)
 * and the methods Halt, Reset, SelectModeAutomatic, StartContinuous and Stop. Each method checks the ENGINEER role
 * and that the transition is allowed from the current state (Bad_InvalidState otherwise), calls {@link VisionControl}
 * and then moves to the target state. Thread-safe: transitions are serialised.
 */
final class VisionStateMachineNodes {
    private static final Argument[] NONE = new Argument[0];

    private final AtomicReference<VisionState> state = new AtomicReference<>(VisionState.PREOPERATIONAL);
    private final VisionControl control;
    private UaVariableNode currentState;
    private UaVariableNode automaticModeCurrentState;

    VisionStateMachineNodes(VisionControl control) {
        this.control = control;
    }

    void build(Nodes nodes, UaObjectNode visionSystem, String prefix, NodeId stateMachineType,
            NodeId automaticModeType, RolePolicy policy) {
        UaObjectNode sm = nodes.object(visionSystem, NodeIds.HasComponent, prefix + "/VisionStateMachine",
                "VisionStateMachine", stateMachineType);
        currentState = nodes.variable(sm, prefix + "/VisionStateMachine/CurrentState", "CurrentState",
                NodeIds.LocalizedText, new Variant(LocalizedText.english(state.get().stateName())), false);
        UaObjectNode auto = nodes.object(sm, NodeIds.HasComponent,
                prefix + "/VisionStateMachine/VisionAutomaticModeStateMachine", "VisionAutomaticModeStateMachine",
                automaticModeType);
        automaticModeCurrentState = nodes.variable(auto,
                prefix + "/VisionStateMachine/VisionAutomaticModeStateMachine/CurrentState", "CurrentState",
                NodeIds.LocalizedText, new Variant(LocalizedText.english("")), false);

        Argument cause = new Argument("Cause", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("Short cause of the halt"));
        Argument causeDescription = new Argument("CauseDescription", NodeIds.String, ValueRanks.Scalar, null,
                LocalizedText.english("Free text describing the cause"));
        UaMethodNode halt = nodes.method(sm, prefix + "/VisionStateMachine/Halt", "Halt",
                "Stops inspecting; the system goes to Halted.");
        new RoleCheckedMethod(halt, policy, RolePolicy.CONTROLLERS, new Argument[] {cause, causeDescription},
                NONE) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                String c = in[0].value() == null ? "" : in[0].value().toString();
                String d = in[1].value() == null ? "" : in[1].value().toString();
                transition("Halt", VisionState.HALTED, s -> s != VisionState.HALTED, () -> control.halt(c, d));
                return new Variant[0];
            }
        };
        UaMethodNode reset = nodes.method(sm, prefix + "/VisionStateMachine/Reset", "Reset",
                "Always executable; the system goes to Preoperational.");
        new RoleCheckedMethod(reset, policy, RolePolicy.CONTROLLERS, NONE, NONE) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                transition("Reset", VisionState.PREOPERATIONAL, s -> true, control::reset);
                return new Variant[0];
            }
        };
        UaMethodNode automatic = nodes.method(sm, prefix + "/VisionStateMachine/SelectModeAutomatic",
                "SelectModeAutomatic", "From Preoperational to Operational/Ready (the configured recipe is prepared).");
        new RoleCheckedMethod(automatic, policy, RolePolicy.CONTROLLERS, NONE, NONE) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                transition("SelectModeAutomatic", VisionState.OPERATIONAL_READY,
                        s -> s == VisionState.PREOPERATIONAL, control::selectModeAutomatic);
                return new Variant[0];
            }
        };
        UaMethodNode start = nodes.method(auto,
                prefix + "/VisionStateMachine/VisionAutomaticModeStateMachine/StartContinuous", "StartContinuous",
                "From Ready to ContinuousExecution: inspect every frame.");
        new RoleCheckedMethod(start, policy, RolePolicy.CONTROLLERS, NONE, NONE) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                transition("StartContinuous", VisionState.OPERATIONAL_CONTINUOUS_EXECUTION,
                        s -> s == VisionState.OPERATIONAL_READY, control::startContinuous);
                return new Variant[0];
            }
        };
        UaMethodNode stop = nodes.method(auto, prefix + "/VisionStateMachine/VisionAutomaticModeStateMachine/Stop",
                "Stop", "From SingleExecution or ContinuousExecution to Ready.");
        new RoleCheckedMethod(stop, policy, RolePolicy.CONTROLLERS, NONE, NONE) {
            @Override
            protected Variant[] call(String user, Variant[] in) throws UaException {
                transition("Stop", VisionState.OPERATIONAL_READY,
                        s -> s == VisionState.OPERATIONAL_CONTINUOUS_EXECUTION
                                || s == VisionState.OPERATIONAL_SINGLE_EXECUTION, control::stop);
                return new Variant[0];
            }
        };
        show(state.get());
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

    synchronized void set(VisionState s) {
        state.set(s);
        show(s);
    }

    VisionState get() {
        return state.get();
    }

    private void show(VisionState s) {
        if (currentState != null) {
            currentState.setValue(new DataValue(new Variant(LocalizedText.english(s.stateName()))));
            automaticModeCurrentState.setValue(new DataValue(new Variant(LocalizedText.english(s.subStateName()))));
        }
    }

    private static String describe(VisionState s) {
        return s.isOperational() ? s.stateName() + "/" + s.subStateName() : s.stateName();
    }
}
